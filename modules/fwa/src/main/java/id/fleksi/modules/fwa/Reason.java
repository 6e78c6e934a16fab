package id.fleksi.modules.fwa;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * One reason behind an answer: a stable key and its arguments, for a page to say in the reader's language
 * (messages {@code fwa.reason.<key>}), and the same in English for the API and the logs.
 */
public record Reason(String key, List<String> args, String text) {

    static Reason of(String key, String english, Object... args) {
        List<String> values = java.util.Arrays.stream(args).map(String::valueOf).toList();
        return new Reason(key, values, new MessageFormat(english, Locale.ENGLISH).format(values.toArray()));
    }

    static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }
}
