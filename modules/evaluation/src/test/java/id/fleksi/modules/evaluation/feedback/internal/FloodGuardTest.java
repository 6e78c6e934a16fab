package id.fleksi.modules.evaluation.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The public page's buckets: per address and pemda, per service from every address; addresses kept only as salted hashes. */
class FloodGuardTest {

    final TestClock clock = new TestClock("2026-03-10T01:00:00Z");
    final FloodGuard guard = new FloodGuard(new FeedbackProperties("", null, null, null, null, 3, 3, 5, 5), clock);

    @Test
    void oneAddressGetsItsBurstThenWaitsAndAnotherAddressOrPemdaIsNotHeldUp() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.rating("mateng", "203.0.113.7").allowed()).isTrue();
        }
        FloodGuard.Verdict fourth = guard.rating("mateng", "203.0.113.7");
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfterSeconds()).isBetween(1L, 3600L);
        assertThat(guard.rating("mateng", "203.0.113.8").allowed()).isTrue();
        assertThat(guard.rating("sulbar", "203.0.113.7").allowed()).isTrue();
    }

    @Test
    void aServiceRatedFromManyAddressesIsSlowedToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.service("mateng", "ktp-el").allowed()).isTrue();
        }
        assertThat(guard.service("mateng", "ktp-el").allowed()).isFalse();
        assertThat(guard.service("mateng", "akta").allowed()).isTrue();
    }

    @Test
    void theAddressIsKeptAsAHashWhoseSaltIsReplacedEveryDay() {
        String today = guard.addressKey("mateng", "203.0.113.7");
        assertThat(today).doesNotContain("203").isEqualTo(guard.addressKey("mateng", "203.0.113.7"));
        clock.set("2026-03-11T01:00:01Z");
        assertThat(guard.addressKey("mateng", "203.0.113.7")).isNotEqualTo(today);
    }
}
