package id.fleksi.platform.web;

import id.fleksi.platform.problem.Problem;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** How a {@link Problem} reads as an RFC 9457 answer: the one mapping, used by every handler that answers one. */
public final class ProblemDetails {

    private ProblemDetails() {}

    /** The problem in the reader's language where a bundle of {@code messages} says it, with its properties. */
    public static ProblemDetail of(Problem problem, MessageSource messages, Locale locale) {
        ProblemDetail body = of(
                problem.kind().status(),
                problem.type(),
                problem.titleFor(messages, locale),
                problem.detailFor(messages, locale));
        problem.properties().forEach(body::setProperty);
        return body;
    }

    /** A problem of Fleksi's own type ({@code urn:fleksi:problem:<type>}) made here, not from a refusal. */
    public static ProblemDetail of(int status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        body.setType(URI.create(Problem.TYPE_PREFIX + type));
        body.setTitle(title);
        return body;
    }
}
