package id.fleksi.provisioning.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When and where a replica sends its feed, and how long it waits after a failure. No database, no Spring. */
class FeedSettingsTest {

    @Test
    void theFeedGoesOverHttpsAndOverPlainHttpOnlyToThisMachine() {
        assertThat(new FeedProperties(null, "https://fleksi.sulbarprov.go.id").endpoint())
                .isEqualTo(URI.create("https://fleksi.sulbarprov.go.id/api/v1/feeds/daily"));
        assertThat(new FeedProperties(null, "https://sulbarprov.go.id/fleksi/").endpoint())
                .isEqualTo(URI.create("https://sulbarprov.go.id/fleksi/api/v1/feeds/daily"));
        assertThat(new FeedProperties(null, "http://127.0.0.1:8080").endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/v1/feeds/daily"));
        assertThat(new FeedProperties(null, "http://localhost:8080").sending()).isTrue();

        for (String refused : new String[] {
            "http://fleksi.sulbarprov.go.id",
            "http://10.0.0.5:8080",
            "ftp://127.0.0.1",
            "https://operator:secret@fleksi.sulbarprov.go.id",
            "https://fleksi.sulbarprov.go.id/?tenant=mateng",
            "fleksi.sulbarprov.go.id",
            "https://fleksi sulbar"
        }) {
            assertThatThrownBy(() -> new FeedProperties(true, refused))
                    .as(refused)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("FLEKSI_FEED_URL");
        }
    }

    @Test
    void withoutAnAddressOrWhenTheKabupatenDeclinesNothingIsSent() {
        assertThat(new FeedProperties(null, null).sending()).isFalse();
        assertThat(new FeedProperties(null, "  ").sending()).isFalse();
        assertThat(new FeedProperties(false, "https://fleksi.sulbarprov.go.id").sending())
                .isFalse();
        assertThat(new FeedProperties(null, "https://fleksi.sulbarprov.go.id").sending())
                .as("on by default")
                .isTrue();
    }

    @Test
    void aFailedSendWaitsTwiceAsLongEachTimeButNeverMoreThanAnHour() {
        assertThat(FeedOutbox.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(FeedOutbox.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(FeedOutbox.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(FeedOutbox.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(FeedOutbox.backoff(10_000)).isEqualTo(Duration.ofHours(1));
    }
}
