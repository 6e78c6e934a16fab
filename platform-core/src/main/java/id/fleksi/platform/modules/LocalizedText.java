package id.fleksi.platform.modules;

import java.util.Locale;

/** A text in Bahasa Indonesia and English; Indonesian unless English is asked for. */
public record LocalizedText(String id, String en) {

    public static LocalizedText of(String id, String en) {
        return new LocalizedText(id, en);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : id;
    }
}
