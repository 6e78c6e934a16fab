package id.fleksi.modules.attendance.internal;

import id.fleksi.platform.organisation.GeoPoint;

/**
 * An office's circle. A fix is inside when at least half of its accuracy circle lies inside the office's
 * circle: the fix's circle says where the phone may be, and more likely inside than out is the fair reading.
 */
record Geofence(GeoPoint centre, double radiusMetres) {

    /** The share (0..1) of the fix's accuracy circle that lies inside the geofence. */
    double shareInside(GeoPoint fix, double accuracyMetres) {
        double d = centre.metresTo(fix);
        double big = radiusMetres;
        double small = accuracyMetres;
        if (small <= 0) {
            return d <= big ? 1 : 0;
        }
        if (d >= big + small) {
            return 0;
        }
        if (d <= Math.abs(big - small)) {
            return small <= big ? 1 : (big * big) / (small * small);
        }
        double lens = small * small * Math.acos((d * d + small * small - big * big) / (2 * d * small))
                + big * big * Math.acos((d * d + big * big - small * small) / (2 * d * big))
                - 0.5 * Math.sqrt((-d + small + big) * (d + small - big) * (d - small + big) * (d + small + big));
        return lens / (Math.PI * small * small);
    }

    boolean admits(GeoPoint fix, double accuracyMetres) {
        return shareInside(fix, accuracyMetres) >= 0.5;
    }
}
