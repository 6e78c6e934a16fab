package id.fleksi.modules.monitoring;

import id.fleksi.platform.modules.Setting;

/**
 * The monitoring module's settings of a tenant: which early warnings are on and their thresholds, and where warnings
 * are e-mailed. A threshold of 0 switches its rule off; an empty mail server sends no e-mail (the list still shows
 * every warning).
 */
public record MonitoringSettings(
        @Setting(
                id = "Peringatan tahapan PP 94/2021 (hari tanpa keterangan)",
                en = "PP 94/2021 steps (unexcused days)",
                defaultValue = "true")
        boolean absenceSteps,

        @Setting(
                id = "Peringatan: hari terlambat dalam sebulan (0 = mati)",
                en = "Warn at late days in a month (0 = off)",
                defaultValue = "5",
                min = 0,
                max = 31)
        int lateDaysPerMonth,

        @Setting(
                id = "Peringatan: hari hadir tanpa laporan dalam sebulan (0 = mati)",
                en = "Warn at days present without a report in a month (0 = off)",
                defaultValue = "3",
                min = 0,
                max = 31)
        int missingReportsPerMonth,

        @Setting(
                id = "Peringatan: presensi ditandai dalam sebulan (0 = mati)",
                en = "Warn at flagged check-ins in a month (0 = off)",
                defaultValue = "3",
                min = 0,
                max = 62)
        int flaggedPerMonth,

        @Setting(
                id = "Peringatan: hari WFA tanpa kegiatan dalam sebulan (0 = mati)",
                en = "Warn at WFA days without an activity in a month (0 = off)",
                defaultValue = "2",
                min = 0,
                max = 31)
        int wfaDaysWithoutActivityPerMonth,

        @Setting(
                id = "Peringatan: keluaran 4 minggu turun lebih dari (%) dari biasanya (0 = mati)",
                en = "Warn when 4 weeks' output falls by more than (%) from the usual (0 = off)",
                defaultValue = "50",
                min = 0,
                max = 90)
        int outputDropPercent,

        @Setting(
                id = "Server SMTP pemda (kosong = tanpa e-mail)",
                en = "The pemda's SMTP server (empty = no e-mail)",
                defaultValue = "",
                pattern = "|[A-Za-z0-9.-]{1,253}")
        String smtpHost,

        @Setting(id = "Port SMTP", en = "SMTP port", defaultValue = "25", min = 1, max = 65535)
        int smtpPort,

        @Setting(
                id = "Alamat pengirim e-mail",
                en = "E-mail sender address",
                defaultValue = "",
                pattern = "|[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}")
        String mailFrom,

        @Setting(
                id = "E-mail BKD untuk peringatan",
                en = "BKD's e-mail for warnings",
                defaultValue = "",
                pattern = "|[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}")
        String bkdEmail) {}
