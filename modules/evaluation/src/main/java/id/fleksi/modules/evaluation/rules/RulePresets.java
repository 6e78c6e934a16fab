package id.fleksi.modules.evaluation.rules;

import id.fleksi.modules.evaluation.rules.RuleSet.Band;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Deduction rules of real pemda, shipped so that a BKD starts from its own Perbup's numbers or a neighbour's. Each says
 * in its {@code source} where its numbers come from and which of them are assumed: the public sources quote some figures
 * and not others, and a BKD checks the rest against its own Perbup before the first month is paid.
 */
public final class RulePresets {

    private RulePresets() {}

    public static final String TEBO_2022 = "TEBO-2022";
    public static final String MUKOMUKO_2021 = "MUKOMUKO-2021";
    public static final String PPU_DRAFT_2018 = "PPU-DRAFT-2018";

    /** Every preset, with an effective date that is only a placeholder: a new version takes the date given to it. */
    public static List<RuleSet> all() {
        return List.of(tebo(), mukomuko(), ppuDraft());
    }

    public static Optional<RuleSet> find(String code) {
        return all().stream()
                .filter(p -> p.preset().equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    /** The common banding: 1–30 min 0.5%, 31–60 1%, 61–90 1.25%, over 90 (or no record) 1.5%. */
    static List<Band> common(String prefix) {
        return List.of(
                new Band(prefix + "1", 1, 30, pct("0.5")),
                new Band(prefix + "2", 31, 60, pct("1")),
                new Band(prefix + "3", 61, 90, pct("1.25")),
                new Band(prefix + "4", 91, null, pct("1.5")));
    }

    private static RuleSet tebo() {
        return new RuleSet(
                null,
                0,
                LocalDate.of(2022, 1, 1),
                "Kabupaten Tebo (Perbup Nomor 1 Tahun 2022)",
                TEBO_2022,
                "Peraturan Bupati Tebo Nomor 1 Tahun 2022 tentang Tambahan Penghasilan Pegawai ASN, sebagaimana dikutip BKPSDM Tebo"
                        + " (duasatu.net, Juli 2022: terlambat TL1 sampai TL4, dari 0,5% sampai 1,5%). Dari sumber: empat kelas"
                        + " keterlambatan, 0,5% terendah dan 1,5% tertinggi. Diasumsikan (pola umum, periksa Perbup): batas menit"
                        + " 30/60/90, kelas tengah 1% dan 1,25%, PSW sama dengan TL, tanpa keterangan 5% per hari, batas bulanan 100%,"
                        + " tanpa potongan apel dan laporan.",
                common("TL"),
                common("PSW"),
                pct("5"),
                pct("0"),
                pct("0"),
                pct("100"),
                true,
                0,
                null,
                null);
    }

    private static RuleSet mukomuko() {
        return new RuleSet(
                null,
                0,
                LocalDate.of(2021, 6, 14),
                "Kabupaten Mukomuko (Perbup Nomor 10 Tahun 2021)",
                MUKOMUKO_2021,
                "Peraturan Bupati Mukomuko Nomor 10 Tahun 2021 tentang Pemberian TPP ASN, Pasal 11 ayat (3), sebagaimana dikutip"
                        + " Sekda Mukomuko (Radar Bengkulu, Juni 2021; penerapannya saat itu masih dikaji): tidak mengikuti apel pagi"
                        + " dan apel sore dipotong 2% per hari kerja. Dari"
                        + " sumber: apel 2%. Diasumsikan (pola umum, periksa Perbup): TL dan PSW 0,5/1/1,25/1,5% pada 30/60/90 menit,"
                        + " tanpa keterangan 5% per hari, batas bulanan 100%, tanpa potongan laporan.",
                common("TL"),
                common("PSW"),
                pct("5"),
                pct("2"),
                pct("0"),
                pct("100"),
                true,
                0,
                null,
                null);
    }

    /**
     * Penajam Paser Utara counts in a day's TPP; Fleksi counts in the month's. Converted with 21 working days a month:
     * 100% of a day is 4.76% of the month, 25% is 1.19%.
     */
    private static RuleSet ppuDraft() {
        Band late = new Band("TMB", 1, null, pct("1.19"));
        Band early = new Band("PC", 1, null, pct("1.19"));
        return new RuleSet(
                null,
                0,
                LocalDate.of(2018, 7, 1),
                "Kabupaten Penajam Paser Utara (rancangan Perbup 2018)",
                PPU_DRAFT_2018,
                "Rancangan Peraturan Bupati Penajam Paser Utara tentang TPP berbasis kehadiran (JPNN, 2018: tidak hadir tanpa"
                        + " keterangan 100% TPP netto per hari; meninggalkan jam kerja tanpa keterangan 50%; pulang cepat atau terlambat"
                        + " masuk 25% per hari). Dari sumber: 100% dan 25% dari TPP sehari. Diasumsikan: dihitung dari TPP sebulan"
                        + " dengan 21 hari kerja (100% sehari = 4,76%, 25% sehari = 1,19%), satu kelas tanpa batas menit, batas bulanan"
                        + " 100%, tanpa potongan apel dan laporan; meninggalkan jam kerja (50%) tidak tercatat di Fleksi.",
                List.of(late),
                List.of(early),
                pct("4.76"),
                pct("0"),
                pct("0"),
                pct("100"),
                true,
                0,
                null,
                null);
    }

    static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
