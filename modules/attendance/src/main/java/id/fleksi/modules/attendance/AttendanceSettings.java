package id.fleksi.modules.attendance;

import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.modules.Setting;

/** The attendance module's settings of a tenant, as its admin sets them (the admin's page and the API are made from them). */
record AttendanceSettings(
        @Setting(id = "Batas presensi luring (jam)", en = "Offline capture window (hours)", defaultValue = "12", min = 1, max = 48)
        int offlineWindowHours,
        @Setting(id = "Toleransi terlambat (menit)", en = "Lateness tolerance (minutes)", defaultValue = "0", min = 0, max = 120)
        int latenessToleranceMinutes,
        @Setting(id = "Lokasi persis disimpan (hari)", en = "Keep precise locations for (days)", defaultValue = "365", min = 30,
                max = 3650)
        int locationRetentionDays,
        // Open all day unless the tenant narrows them (a common rule: 06:00-12:00 and 14:00-18:00).
        @Setting(id = "Jam presensi masuk (JJ:MM-JJ:MM)", en = "Check-in window (HH:MM-HH:MM)", defaultValue = "00:00-23:59",
                pattern = TimeWindow.PATTERN)
        TimeWindow checkInWindow,
        @Setting(id = "Jam presensi pulang (JJ:MM-JJ:MM)", en = "Check-out window (HH:MM-HH:MM)", defaultValue = "00:00-23:59",
                pattern = TimeWindow.PATTERN)
        TimeWindow checkOutWindow) {
}
