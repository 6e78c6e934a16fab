package id.fleksi.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class NipTest {

    /** Well-formed NIPs: a real birth date, a start at least 18 years later, gender 1 or 2, sequence 001-999. */
    @Provide
    Arbitrary<String> validNips() {
        Arbitrary<LocalDate> births = Arbitraries.integers()
                .between(0, 365 * 45)
                .map(days -> LocalDate.of(1960, 1, 1).plusDays(days));
        return Combinators.combine(
                        births,
                        Arbitraries.integers().between(18, 40),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.of('1', '2'),
                        Arbitraries.integers().between(1, 999))
                .as((birth, age, month, gender, sequence) -> String.format(
                        "%04d%02d%02d%04d%02d%c%03d",
                        birth.getYear(),
                        birth.getMonthValue(),
                        birth.getDayOfMonth(),
                        birth.getYear() + age,
                        month,
                        gender,
                        sequence));
    }

    @Property
    void wellFormedNipsPassAndKeepTheirParts(@ForAll("validNips") String value) {
        Nip nip = Nip.of(value);
        assertThat(nip.value()).isEqualTo(value);
        assertThat(nip.birthDate().toString().replace("-", "")).isEqualTo(value.substring(0, 8));
        assertThat(nip.isFemale()).isEqualTo(value.charAt(14) == '2');
        assertThat(nip.formatted().replace(" ", "")).isEqualTo(value);
    }

    @Property
    void aWrongLengthFailsSayingHowLongANipIs(
            @ForAll("validNips") String value, @ForAll @IntRange(min = 1, max = 17) int keep) {
        assertThat(Nip.problemWith(value.substring(0, keep))).isEqualTo("a NIP has 18 digits, this one has " + keep);
        assertThat(Nip.problemWith(value + "7")).isEqualTo("a NIP has 18 digits, this one has 19");
    }

    @Property
    void aGenderDigitOtherThanOneOrTwoFails(
            @ForAll("validNips") String value, @ForAll @IntRange(min = 0, max = 9) int digit) {
        String changed = value.substring(0, 14) + digit + value.substring(15);
        if (digit == 1 || digit == 2) {
            assertThat(Nip.problemWith(changed)).isNull();
        } else {
            assertThat(Nip.problemWith(changed)).isEqualTo("digit 15 is the gender, 1 or 2, not " + digit);
        }
    }

    @Property
    void aNonDigitAnywhereFails(
            @ForAll("validNips") String value,
            @ForAll @IntRange(min = 0, max = 17) int at,
            @ForAll @StringLength(1) String other) {
        if (Character.isDigit(other.charAt(0))) {
            return;
        }
        String changed = value.substring(0, at) + other + value.substring(at + 1);
        assertThat(Nip.problemWith(changed)).isEqualTo("a NIP has digits only");
    }

    @Example
    void impossibleDatesFailNamingTheDigits() {
        assertThat(Nip.problemWith("198502301010011004")).contains("not a real birth date", "19850230");
        assertThat(Nip.problemWith("198503122010131004")).contains("not a real start month", "201013");
        assertThat(Nip.problemWith("198503121990011004")).contains("not well after the birth date");
        assertThatThrownBy(() -> Nip.of("198503122010013004")).hasMessageContaining("gender, 1 or 2, not 3");
        assertThat(Nip.problemWith("198503122010012000")).contains("starts at 001");
        assertThat(Nip.of("19850312 201001 2 004").formatted()).isEqualTo("19850312 201001 2 004");
    }
}
