package id.fleksi.platform.organisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A civil servant's NIP (Nomor Induk Pegawai): 18 digits, {@code yyyyMMdd} birth date, {@code yyyyMM} start
 * (TMT) as a civil servant, gender {@code 1} (male) or {@code 2} (female), and a 3-digit sequence. Validated
 * once, at the edge; a {@code Nip} is always well formed.
 */
public record Nip(String value) {

    public static final int LENGTH = 18;

    public Nip {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid NIP '" + value + "': " + problem);
        }
    }

    public static Nip of(String value) {
        return new Nip(value == null ? null : value.replace(" ", ""));
    }

    /** What is wrong with a NIP, in words for the person who typed it; null when nothing is. */
    public static String problemWith(String value) {
        Problem problem = problem(value);
        return problem == null ? null : problem.english();
    }

    /** What is wrong with a NIP: a short code and its values (for a page to say it in Indonesian), and the English. */
    public record Problem(String code, String english, List<String> values) {
        static Problem of(String code, String english, Object... values) {
            return new Problem(
                    code,
                    english,
                    java.util.Arrays.stream(values).map(String::valueOf).toList());
        }
    }

    /** What is wrong with a NIP; null when nothing is. */
    public static Problem problem(String value) {
        if (value == null || value.isEmpty()) {
            return Problem.of("required", "a NIP is required");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Problem.of("digits", "a NIP has digits only");
        }
        if (value.length() != LENGTH) {
            return Problem.of("length", "a NIP has 18 digits, this one has " + value.length(), value.length());
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(value.substring(0, 4)),
                    Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            return Problem.of(
                    "birth",
                    "digits 1-8 are not a real birth date (yyyyMMdd): " + value.substring(0, 8),
                    value.substring(0, 8));
        }
        YearMonth start;
        try {
            start = YearMonth.of(Integer.parseInt(value.substring(8, 12)), Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Problem.of(
                    "start",
                    "digits 9-14 are not a real start month (yyyyMM): " + value.substring(8, 14),
                    value.substring(8, 14));
        }
        if (birth.getYear() < 1900) {
            return Problem.of("birth-year", "the birth year " + birth.getYear() + " is before 1900", birth.getYear());
        }
        if (!start.isAfter(YearMonth.from(birth).plusYears(14))) {
            return Problem.of(
                    "start-early",
                    "the start month " + start + " is not well after the birth date " + birth,
                    start,
                    birth);
        }
        char gender = value.charAt(14);
        if (gender != '1' && gender != '2') {
            return Problem.of("gender", "digit 15 is the gender, 1 or 2, not " + gender, gender);
        }
        if (value.endsWith("000")) {
            return Problem.of("sequence", "the sequence (digits 16-18) starts at 001");
        }
        return null;
    }

    public LocalDate birthDate() {
        return LocalDate.of(
                Integer.parseInt(value.substring(0, 4)),
                Integer.parseInt(value.substring(4, 6)),
                Integer.parseInt(value.substring(6, 8)));
    }

    public YearMonth startMonth() {
        return YearMonth.of(Integer.parseInt(value.substring(8, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    public boolean isFemale() {
        return value.charAt(14) == '2';
    }

    /** As printed on an ID card: {@code 19850312 201001 2 004}. */
    public String formatted() {
        return value.substring(0, 8) + " " + value.substring(8, 14) + " " + value.charAt(14) + " "
                + value.substring(15);
    }

    @Override
    public String toString() {
        return value;
    }
}
