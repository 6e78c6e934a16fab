package id.fleksi.modules.reports;

import id.fleksi.platform.modules.Setting;

/** The daily reports' settings of a tenant, as its admin sets them (the admin's page and the API are made from them). */
public record ReportSettings(
        @Setting(
                id = "Tolak presensi pulang sebelum ada kegiatan (jika tidak: hari ditandai tidak patuh)",
                en = "Refuse check-out until the day has an activity (otherwise: mark the day non-compliant)",
                defaultValue = "true")
        boolean refuseCheckOutWithoutActivity,

        @Setting(
                id = "Batas laporan: hari kerja berikutnya ke-",
                en = "Deadline: working days after the day",
                defaultValue = "1",
                min = 0,
                max = 10)
        int deadlineWorkingDays,

        @Setting(id = "Batas laporan: pukul", en = "Deadline: hour of that day", defaultValue = "10", min = 0, max = 23)
        int deadlineHour) {}
