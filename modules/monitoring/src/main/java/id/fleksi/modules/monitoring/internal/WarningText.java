package id.fleksi.modules.monitoring.internal;

/** A warning said in words, for the list, the e-mail and the employee's own page (Bahasa Indonesia, as the pemda work). */
final class WarningText {

    private WarningText() {}

    static String what(String rule, int step, int count, String period) {
        return switch (rule) {
            case "ABSENCE" ->
                count + " hari tidak masuk tanpa keterangan pada tahun " + period + " (tahap " + step
                        + " hari PP 94/2021)";
            case "ABSENCE_RUN" ->
                count + " hari kerja berturut-turut tidak masuk tanpa keterangan pada tahun " + period;
            case "LATE" -> count + " hari terlambat pada bulan " + period + " (batas " + step + ")";
            case "NO_REPORT" ->
                count + " hari hadir tanpa laporan kegiatan yang lewat batas waktunya pada bulan " + period + " (batas "
                        + step + ")";
            case "FLAGGED" ->
                count + " presensi ditandai untuk diperiksa pada bulan " + period + " (batas " + step + ")";
            case "WFA_NO_ACTIVITY" ->
                count + " hari WFA tanpa laporan kegiatan pada bulan " + period + " (batas " + step + ")";
            case "OUTPUT_DROP" ->
                "keluaran 4 minggu terakhir " + count + " kegiatan, turun lebih dari " + step
                        + "% dari biasanya (dicatat bulan " + period + ")";
            default -> throw new IllegalArgumentException(rule);
        };
    }

    /** What the supervisor is asked to do. */
    static String todo(String rule, int step) {
        return switch (rule) {
            case "ABSENCE" -> "Atasan langsung: " + WarningSteps.action(step, false) + ".";
            case "ABSENCE_RUN" -> "Atasan langsung: " + WarningSteps.action(step, true) + ".";
            case "LATE" -> "Atasan langsung: bicarakan jam masuk dengan pegawai dan catat hasilnya.";
            case "NO_REPORT" -> "Atasan langsung: minta pegawai melengkapi laporan harian dan periksa keluarannya.";
            case "FLAGGED" -> "Atasan langsung: periksa presensi yang ditandai di halaman pemeriksaan lokasi.";
            case "WFA_NO_ACTIVITY" ->
                "Atasan langsung: tanyakan hasil kerja hari WFA itu; bila berulang, tinjau kelayakan WFA-nya.";
            case "OUTPUT_DROP" -> "Atasan langsung: bicarakan beban dan hambatan kerja dengan pegawai.";
            default -> throw new IllegalArgumentException(rule);
        };
    }
}
