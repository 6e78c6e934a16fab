package id.fleksi.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void measuresDistancesAroundTobadak() {
        GeoPoint kantorBupati = new GeoPoint(-1.7356, 119.5461);
        // 0.001 degree of latitude is ~111 m anywhere.
        assertThat(kantorBupati.metresTo(new GeoPoint(-1.7346, 119.5461))).isCloseTo(111.2, within(0.5));
        // Tobadak to Mamuju, the provincial capital: ~127 km as the crow flies.
        assertThat(kantorBupati.metresTo(new GeoPoint(-2.6748, 118.8885)) / 1000)
                .isCloseTo(126.0, within(10.0));
        assertThat(kantorBupati.metresTo(kantorBupati)).isZero();
    }

    @Test
    void refusesImpossibleCoordinates() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoPoint(0, 181)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).hasMessageContaining("latitude");
    }
}
