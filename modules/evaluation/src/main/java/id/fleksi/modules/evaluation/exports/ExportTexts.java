package id.fleksi.modules.evaluation.exports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Months and dates as the exports write them for people: "November 2026", "7 Desember 2026" in Bahasa Indonesia. */
final class ExportTexts {

    private ExportTexts() {}

    static String monthLabel(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", language(locale)).format(month);
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", language(locale)).format(date);
    }

    /** The place a head signs in: the pemda's name without "Kabupaten", "Kota" or "Provinsi" ("Mamuju Tengah"). */
    static String place(String tenantName) {
        return tenantName.replaceFirst("^(Kabupaten|Kota|Provinsi)\\s+", "").strip();
    }

    private static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }
}
