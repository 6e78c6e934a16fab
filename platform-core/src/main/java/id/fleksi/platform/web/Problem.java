package id.fleksi.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a person can act on, answered as an RFC 9457 problem. The type names the kind of problem
 * ({@code urn:fleksi:problem:tenant-suspended}); the detail says what happened and what to do.
 *
 * <p>The title and detail are written in English here, which is what the logs and the operator see. Where the person
 * reads them (the API's answer, a page), they are said in the request's language when a message bundle has them:
 * {@code problem.<type>.title} and {@code problem.<type>.detail} (or {@code problem.<type>.<variant>.detail}), formatted
 * with the {@link #values} given (Spring's {@link org.springframework.web.ErrorResponse#updateAndGetBody}). Without such
 * a message the English text is answered.
 */
public class Problem extends ErrorResponseException {

    private final String type;
    private final String english;
    String detailCode;
    Object[] arguments;

    public Problem(HttpStatus status, String type, String title, String detail) {
        super(status, detail(status, type, title, detail), null);
        this.type = type;
        this.english = detail;
        this.detailCode = "problem." + type + ".detail";
    }

    public static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:fleksi:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    public Problem with(String property, Object value) {
        getBody().setProperty(property, value);
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
        return new DefaultMessageSourceResolvable(new String[] {code}, values, values.length == 0 ? english : literal(english));
    }

    /** A value of a translated detail made of several, each said in the reader's language where it can be. */
    public static MessageSourceResolvable joined(String separator, List<?> values) {
        String pattern = IntStream.range(0, values.size()).mapToObj(i -> "{" + i + "}").collect(Collectors.joining(literal(separator)));
        return new DefaultMessageSourceResolvable(null, values.toArray(), pattern);
    }

    /** Text that a message format gives back as written (a quote or a brace would otherwise be taken as syntax). */
    private static String literal(String text) {
        return text.replace("'", "''").replace("{", "'{'");
    }

    /**
     * The detail as the person reads it: in {@code locale} where a bundle of {@code messages} says it, else English.
     * The answer's body takes that text, so ask once per problem.
     */
    public String detailFor(MessageSource messages, Locale locale) {
        return updateAndGetBody(messages, locale).getDetail();
    }

    @Override
    public String getTitleMessageCode() {
        return "problem." + type + ".title";
    }

    @Override
    public String getDetailMessageCode() {
        return detailCode;
    }

    @Override
    public Object[] getDetailMessageArguments() {
        return arguments == null ? null : arguments.clone();
    }

    /** The English detail, whatever language the answer was given in. */
    @Override
    public String getMessage() {
        return english;
    }

    public static Problem badRequest(String type, String title, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, type, title, detail);
    }

    public static Problem notFound(String type, String title, String detail) {
        return new Problem(HttpStatus.NOT_FOUND, type, title, detail);
    }

    public static Problem conflict(String type, String title, String detail) {
        return new Problem(HttpStatus.CONFLICT, type, title, detail);
    }

    /** The request is well formed but cannot be accepted as it is (e.g. a check-in outside the office). */
    public static Problem unprocessable(String type, String title, String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail);
    }

    public static Problem forbidden(String type, String title, String detail) {
        return new Problem(HttpStatus.FORBIDDEN, type, title, detail);
    }

    public static Problem unavailable(String type, String title, String detail) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail);
    }
}
