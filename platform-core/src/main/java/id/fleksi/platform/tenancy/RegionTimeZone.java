package id.fleksi.platform.tenancy;

import java.time.ZoneId;

/** Indonesia's three time zones; a tenant's working day is judged in its own. */
public enum RegionTimeZone {
    WIB("Asia/Jakarta"),
    WITA("Asia/Makassar"),
    WIT("Asia/Jayapura");

    private final ZoneId zone;

    RegionTimeZone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
    }

    public ZoneId zone() {
        return zone;
    }
}
