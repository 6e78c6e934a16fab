package id.fleksi.modules.fwa;

import id.fleksi.platform.problem.Problem;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;

/**
 * One reason behind an answer: a stable key and its arguments, for a page to say in the reader's language
 * (messages {@code fwa.reason.<key>}), and the same in English for the API and the logs.
 */
public record Reason(String key, List<String> args, String text) {

    static Reason of(String key, String english, Object... args) {
        List<String> values = java.util.Arrays.stream(args).map(String::valueOf).toList();
        return new Reason(key, values, new MessageFormat(english, Locale.ENGLISH).format(values.toArray()));
    }

    /** The reason as a value of a problem's detail, said in the reader's language. */
    MessageSourceResolvable said() {
        return Problem.phrase("fwa.reason." + key, text, args.toArray());
    }

    static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }
}
