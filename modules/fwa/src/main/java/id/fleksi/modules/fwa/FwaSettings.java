package id.fleksi.modules.fwa;

import id.fleksi.platform.modules.Setting;

/** The flexible-work module's settings of a tenant, as its admin sets them (the page and the API are made from them). */
record FwaSettings(
        @Setting(
                id = "Pegawai baru belum boleh kerja fleksibel selama (bulan)",
                en = "New employees wait before flexible work (months)",
                defaultValue = "12",
                min = 0,
                max = 60)
        int newEmployeeMonths) {}
