package id.fleksi.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a person can act on, answered as an RFC 9457 problem. The type names the kind of problem
 * ({@code urn:fleksi:problem:tenant-suspended}); the detail says what happened and what to do.
 */
public class Problem extends ErrorResponseException {

    public Problem(HttpStatus status, String type, String title, String detail) {
        super(status, detail(status, type, title, detail), null);
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

    @Override
    public String getMessage() {
        return getBody().getDetail();
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
