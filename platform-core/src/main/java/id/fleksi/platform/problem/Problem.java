package id.fleksi.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A refusal a person can act on, thrown by the rules wherever they live; it knows nothing of HTTP. Its kind
 * ({@link Kind}), its type ({@code tenant-suspended}), a title and a detail that says what happened and what to do, the
 * values the detail names, and properties for a machine to read. The web layer answers it as an RFC 9457 problem
 * ({@code urn:fleksi:problem:<type>}, {@code web.ProblemHandler}) or as a page ({@code PageProblems}), each in one place.
 *
 * <p>The title and detail are written in English here, which is what the logs and the operator see. Where the person
 * reads them (the API's answer, a page), they are said in the request's language when a message bundle has them:
 * {@code problem.<type>.title} and {@code problem.<type>.detail} (or {@code problem.<type>.<variant>.detail}), formatted
 * with the {@link #values} given. Without such a message the English text is answered, as written.
 */
public class Problem extends RuntimeException {

    /** What kind of refusal it is; the web layer answers each with its HTTP status. */
    public enum Kind {
        BAD_REQUEST(400),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        TOO_LARGE(413),
        UNSUPPORTED_TYPE(415),
        UNPROCESSABLE(422),
        INTERNAL(500),
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status that answers it. */
        public int status() {
            return status;
        }
    }

    public static final String TYPE_PREFIX = "urn:fleksi:problem:";

    private final Kind kind;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String detailCode;
    private Object[] arguments;

    public Problem(Kind kind, String type, String title, String detail) {
        super(detail, null, false, false); // a refusal, not a fault: no stack trace to fill
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.detailCode = "problem." + type + ".detail";
    }

    public static Problem badRequest(String type, String title, String detail) {
        return new Problem(Kind.BAD_REQUEST, type, title, detail);
    }

    public static Problem notFound(String type, String title, String detail) {
        return new Problem(Kind.NOT_FOUND, type, title, detail);
    }

    public static Problem conflict(String type, String title, String detail) {
        return new Problem(Kind.CONFLICT, type, title, detail);
    }

    /** The request is well formed but cannot be accepted as it is (e.g. a check-in outside the office). */
    public static Problem unprocessable(String type, String title, String detail) {
        return new Problem(Kind.UNPROCESSABLE, type, title, detail);
    }

    public static Problem forbidden(String type, String title, String detail) {
        return new Problem(Kind.FORBIDDEN, type, title, detail);
    }

    public static Problem unavailable(String type, String title, String detail) {
        return new Problem(Kind.UNAVAILABLE, type, title, detail);
    }

    /** A property a machine reads beside the detail ({@code retryAfterSeconds}, {@code errors}, ...). */
    public Problem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    /** The values the translated detail names ({0}, {1}, ...); the English detail stays as it was written. */
    public Problem values(Object... values) {
        this.arguments = values.clone();
        return this;
    }

    /** As {@link #values}, for a detail that differs from others of its type: {@code problem.<type>.<variant>.detail}. */
    public Problem variant(String variant, Object... values) {
        this.detailCode = "problem." + type + "." + variant + ".detail";
        return values(values);
    }

    /**
     * A value of a translated detail that is itself said in the reader's language: the message {@code code} with its
     * values where a bundle has it, else {@code english} as written.
     */
    public static MessageSourceResolvable phrase(String code, String english, Object... values) {
        return new DefaultMessageSourceResolvable(
                new String[] {code}, values, values.length == 0 ? english : literal(english));
    }

    /** A value of a translated detail made of several, each said in the reader's language where it can be. */
    public static MessageSourceResolvable joined(String separator, List<?> values) {
        String pattern = IntStream.range(0, values.size())
                .mapToObj(i -> "{" + i + "}")
                .collect(Collectors.joining(literal(separator)));
        return new DefaultMessageSourceResolvable(null, values.toArray(), pattern);
    }

    /** Text that a message format gives back as written (a quote or a brace would otherwise be taken as syntax). */
    private static String literal(String text) {
        return text.replace("'", "''").replace("{", "'{'");
    }

    public Kind kind() {
        return kind;
    }

    /** The short type ({@code tenant-suspended}); {@link #typeUri} is what an answer names. */
    public String type() {
        return type;
    }

    public String typeUri() {
        return TYPE_PREFIX + type;
    }

    /** The English title. */
    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** The title as the person reads it: in {@code locale} where a bundle of {@code messages} says it, else English. */
    public String titleFor(MessageSource messages, Locale locale) {
        return messages.getMessage("problem." + type + ".title", null, title, locale);
    }

    /** The detail as the person reads it: in {@code locale} where a bundle of {@code messages} says it, else English. */
    public String detailFor(MessageSource messages, Locale locale) {
        // No default here: the message source would format the English with the values, and it is answered as written.
        String translated = messages.getMessage(detailCode, arguments == null ? null : arguments.clone(), null, locale);
        return translated != null ? translated : getMessage();
    }
}
