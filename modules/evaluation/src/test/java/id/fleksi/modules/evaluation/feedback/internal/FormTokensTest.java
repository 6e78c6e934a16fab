package id.fleksi.modules.evaluation.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The public form's signed token: sent back too soon, too late, twice, forged or for another service, it is refused. */
class FormTokensTest {

    final TestClock clock = new TestClock("2026-03-10T01:00:00Z");
    final FeedbackProperties defaults = new FeedbackProperties("", null, null, null, null, null, null, null, null);
    final FormTokens tokens = new FormTokens(defaults, clock);

    @Test
    void aFormSentBackWithinThreeSecondsIsTooFastAndAfterwardsValidOnce() {
        String token = tokens.issue("mateng", "ktp-el");
        clock.set("2026-03-10T01:00:02.999Z");
        assertThat(tokens.check(token, work(token), "mateng", "ktp-el")).isEqualTo(FormTokens.Check.TOO_FAST);
        clock.set("2026-03-10T01:00:03Z");
        assertThat(tokens.check(token, work(token), "mateng", "ktp-el")).isEqualTo(FormTokens.Check.VALID);
        assertThat(tokens.check(token, work(token), "mateng", "ktp-el")).isEqualTo(FormTokens.Check.USED);
    }

    @Test
    void withoutTheProofOfWorkAFormMustHaveBeenOpenTenSeconds() {
        String token = tokens.issue("mateng", "ktp-el");
        clock.set("2026-03-10T01:00:09Z");
        assertThat(tokens.check(token, null, "mateng", "ktp-el")).isEqualTo(FormTokens.Check.TOO_FAST);
        String wrong = java.util.stream.IntStream.range(0, 100)
                .mapToObj(String::valueOf)
                .filter(n -> !FormTokens.worked(token, n))
                .findFirst()
                .orElseThrow();
        assertThat(tokens.check(token, wrong, "mateng", "ktp-el"))
                .as("a wrong answer is no answer")
                .isEqualTo(FormTokens.Check.TOO_FAST);
        clock.set("2026-03-10T01:00:10Z");
        assertThat(tokens.check(token, null, "mateng", "ktp-el")).isEqualTo(FormTokens.Check.VALID);
    }

    /** The page script's search, as a phone does it: the first number whose hash starts with the zero bits. */
    static String work(String token) {
        if (token == null || !token.contains(".")) {
            return null;
        }
        for (int n = 0; ; n++) {
            if (FormTokens.worked(token, String.valueOf(n))) {
                return String.valueOf(n);
            }
        }
    }

    @Test
    void aFormOpenForMoreThanTwoHoursHasExpired() {
        String token = tokens.issue("mateng", "ktp-el");
        clock.set("2026-03-10T03:00:01Z");
        assertThat(tokens.check(token, work(token), "mateng", "ktp-el")).isEqualTo(FormTokens.Check.EXPIRED);
    }

    @Test
    void aTokenOfAnotherServiceAnotherServerKeyOrNoneAtAllIsInvalid() {
        String token = tokens.issue("mateng", "ktp-el");
        clock.set("2026-03-10T01:01:00Z");
        assertThat(tokens.check(token, work(token), "mateng", "akta")).isEqualTo(FormTokens.Check.INVALID);
        assertThat(tokens.check(token, work(token), "sulbar", "ktp-el")).isEqualTo(FormTokens.Check.INVALID);
        FormTokens elsewhere = new FormTokens(defaults, clock);
        assertThat(elsewhere.check(token, work(token), "mateng", "ktp-el")).isEqualTo(FormTokens.Check.INVALID);
        assertThat(tokens.check(token.substring(0, token.indexOf('.') + 1) + "AAAA", null, "mateng", "ktp-el"))
                .isEqualTo(FormTokens.Check.INVALID);
        assertThat(tokens.check(null, null, "mateng", "ktp-el")).isEqualTo(FormTokens.Check.INVALID);
        assertThat(tokens.check("not a token", null, "mateng", "ktp-el")).isEqualTo(FormTokens.Check.INVALID);
        assertThat(tokens.check(token, work(token), "mateng", "ktp-el"))
                .as("still good for its own service")
                .isEqualTo(FormTokens.Check.VALID);
    }

    @Test
    void replicasWithTheSameConfiguredKeyAcceptEachOthersForms() {
        FeedbackProperties shared =
                new FeedbackProperties("a key set on every replica", null, null, null, null, null, null, null, null);
        String token = new FormTokens(shared, clock).issue("mateng", "ktp-el");
        clock.set("2026-03-10T01:01:00Z");
        assertThat(new FormTokens(shared, clock).check(token, work(token), "mateng", "ktp-el"))
                .isEqualTo(FormTokens.Check.VALID);
    }
}
