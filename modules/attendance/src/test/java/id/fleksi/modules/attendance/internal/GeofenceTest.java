package id.fleksi.modules.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.fleksi.platform.organisation.GeoPoint;
import org.junit.jupiter.api.Test;

public class GeofenceTest {

    public static final GeoPoint OFFICE = new GeoPoint(-1.7356, 119.5461);
    static final Geofence FENCE = new Geofence(OFFICE, 100);

    /** A point this many metres north of the office (0.001 degree of latitude is ~111.2 m). */
    public static GeoPoint north(double metres) {
        return new GeoPoint(OFFICE.latitude() + metres / 111_195.0, OFFICE.longitude());
    }

    @Test
    void aFixWellInsideIsInAndWellOutsideIsOut() {
        assertThat(FENCE.shareInside(north(50), 10)).isEqualTo(1.0);
        assertThat(FENCE.shareInside(north(150), 10)).isZero();
    }

    @Test
    void onTheEdgeHalfTheAccuracyCircleIsInsideAndThatIsEnough() {
        assertThat(FENCE.shareInside(north(100), 20)).isCloseTo(0.5, within(0.03));
        assertThat(FENCE.admits(north(95), 20)).isTrue();
        assertThat(FENCE.admits(north(110), 20)).isFalse();
    }

    @Test
    void aVagueFixAtTheOfficeIsMostlyOutsideAndRefused() {
        // 500 m accuracy: the phone could be anywhere in a circle 25 times the office's area.
        assertThat(FENCE.shareInside(OFFICE, 500)).isCloseTo(0.04, within(0.001));
        assertThat(FENCE.admits(OFFICE, 500)).isFalse();
        assertThat(FENCE.admits(OFFICE, 140)).isTrue();
    }
}
