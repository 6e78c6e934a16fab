package id.fleksi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestMessages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A refusal made of several reasons reads whole in the reader's language, and each reason not yet translated as written. */
class ProblemTest {

    @Test
    void eachPhraseIsSaidInTheReadersLanguageWhereABundleHasItAndOtherwiseExactlyAsWritten() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.test-refused.detail", TestMessages.INDONESIAN, "{0}. Tidak ada yang diubah.");
        messages.addMessage(
                "test.reason.sanction", TestMessages.INDONESIAN, "Sedang menjalani hukuman disiplin sampai {0}");

        Problem refused = Problem.unprocessable(
                        "test-refused",
                        "Refused",
                        "Under a sanction until 2026-05-31; Rina's {plan} for"
                                + " {0}; Not 'quoted'. Nothing was changed.")
                .values(Problem.joined(
                        "; ",
                        List.of(
                                Problem.phrase(
                                        "test.reason.sanction", "Under a sanction until 2026-05-31", "2026-05-31"),
                                Problem.joined(
                                        ": ",
                                        List.of(
                                                "2026-01-06",
                                                Problem.phrase("test.reason.new", "Rina's {plan} for {0}", "x"))),
                                Problem.phrase("test.reason.none", "Not 'quoted'"))));

        assertThat(refused.detailFor(messages, TestMessages.INDONESIAN))
                .isEqualTo("Sedang menjalani hukuman disiplin sampai 2026-05-31;"
                        + " 2026-01-06: Rina's {plan} for {0}; Not 'quoted'. Tidak ada yang diubah.");
    }

    @Test
    void withoutATranslationOfTheDetailTheEnglishIsAnsweredAsWritten() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage(
                "test.reason.sanction", TestMessages.INDONESIAN, "Sedang menjalani hukuman disiplin sampai {0}");

        Problem refused = Problem.unprocessable("test-refused", "Refused", "Under a sanction. Nothing was changed.")
                .values(Problem.joined(
                        "; ", List.of(Problem.phrase("test.reason.sanction", "Under a sanction", "2026-05-31"))));

        assertThat(refused.detailFor(messages, Locale.ENGLISH)).isEqualTo("Under a sanction. Nothing was changed.");
        assertThat(refused.getMessage()).isEqualTo("Under a sanction. Nothing was changed.");
    }

    @Test
    void thePlatformsOwnRefusalsReadInIndonesian() {
        var platform = TestMessages.of("i18n/platform-problems");

        assertThat(TenantRegistry.unknownTenant("mamasa").detailFor(platform, TestMessages.INDONESIAN))
                .isEqualTo("Tidak ada pemda mamasa di Fleksi ini.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> id.fleksi.platform.calendar.DateRange.require(
                        java.time.LocalDate.parse("2026-03-03"), java.time.LocalDate.parse("2026-03-02"), 93))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(platform, TestMessages.INDONESIAN))
                                .isEqualTo("to: sama dengan atau sesudah from, paling banyak 93 hari seluruhnya."));
    }
}
