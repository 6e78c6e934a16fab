package id.fleksi.modules.attendance;

import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.modules.Setting;

/** The attendance module's settings of a tenant, as its admin sets them (the admin's page and the API are made from them). */
public record AttendanceSettings(
        @Setting(
                id = "Batas presensi luring (jam)",
                en = "Offline capture window (hours)",
                defaultValue = "12",
                min = 1,
                max = 48)
        int offlineWindowHours,

        @Setting(
                id = "Toleransi keterlambatan (menit)",
                en = "Lateness tolerance (minutes)",
                defaultValue = "30",
                min = 0,
                max = 120)
        int latenessToleranceMinutes,

        @Setting(
                id = "Lokasi persis disimpan (hari)",
                en = "Keep precise locations for (days)",
                defaultValue = "365",
                min = 30,
                max = 3650)
        int locationRetentionDays,
        // What a pemda commonly sets (shared/DOMAIN.md); tenants made before these defaults keep 00:00-23:59 and no
        // tolerance (attendance-013). The working hours themselves come from the working calendar.
        @Setting(id = "Jam presensi masuk", en = "Check-in window", defaultValue = "06:00-12:00")
        TimeWindow checkInWindow,

        @Setting(id = "Jam presensi pulang", en = "Check-out window", defaultValue = "14:00-18:00")
        TimeWindow checkOutWindow) {}
