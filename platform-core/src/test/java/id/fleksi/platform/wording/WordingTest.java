package id.fleksi.platform.wording;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.testing.TestMessages;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

class WordingTest {

    static final MessageSource WORDS = TestMessages.of("i18n/platform");

    @Test
    void aDistanceIsSaidInMetresBelowAKilometreAndInKilometresWithOneDecimalFromThere() {
        assertThat(WORDS.getMessage(Distance.ofMetres(127752), TestMessages.INDONESIAN))
                .isEqualTo("127,8 km");
        assertThat(WORDS.getMessage(Distance.ofMetres(127752), Locale.ENGLISH)).isEqualTo("127.8 km");
        assertThat(WORDS.getMessage(Distance.ofMetres(1_500_400), TestMessages.INDONESIAN))
                .isEqualTo("1.500,4 km");
        assertThat(WORDS.getMessage(Distance.ofMetres(349.6), TestMessages.INDONESIAN))
                .isEqualTo("350 m");
        assertThat(WORDS.getMessage(Distance.ofMetres(999.7), TestMessages.INDONESIAN))
                .isEqualTo("1,0 km");
        assertThat(Distance.ofMetres(35).in(TestMessages.INDONESIAN)).isEqualTo("35 m");
        assertThat(Distance.ofMetres(2_340)).hasToString("2.3 km");
    }

    @Test
    void minutesAreSaidInHoursAndMinutesInTheReadersLanguage() {
        assertThat(WORDS.getMessage(HoursAndMinutes.of(768), TestMessages.INDONESIAN))
                .isEqualTo("12 jam 48 menit");
        assertThat(WORDS.getMessage(HoursAndMinutes.of(120), TestMessages.INDONESIAN))
                .isEqualTo("2 jam");
        assertThat(WORDS.getMessage(HoursAndMinutes.of(45), TestMessages.INDONESIAN))
                .isEqualTo("45 menit");
        assertThat(WORDS.getMessage(HoursAndMinutes.of(768), Locale.ENGLISH)).isEqualTo("12 h 48 min");
    }
}
