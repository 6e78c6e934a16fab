package id.fleksi.app.web;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.InvalidTenantCodeException;
import id.fleksi.platform.tenancy.TenantCode;
import java.util.Set;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** What a failed page request is, as a {@link Problem} the page can say in the reader's language. */
final class PageProblem {

    /** Problems about the tenant itself: its home page would fail the same way, so it is not offered. */
    private static final Set<String> TENANT_LEVEL = Set.of(
            "unknown-tenant",
            "wrong-tenant",
            "tenant-suspended",
            "tenant-archived",
            "tenant-provisioning",
            "tenant-moving",
            "tenant-handed-over",
            "tenant-schema-behind",
            "account-retired");

    private PageProblem() {}

    static Problem of(Exception e) {
        if (e instanceof Problem problem) {
            return problem;
        }
        if (e instanceof NoResourceFoundException
                || e instanceof NoHandlerFoundException
                || e instanceof InvalidTenantCodeException) {
            return notFound();
        }
        if (e instanceof AccessDeniedException) {
            return Problem.forbidden(
                            "missing-role",
                            "Not allowed",
                            "Your account does not have the role this page needs." + " Ask your tenant admin for it.")
                    .variant("page");
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return Problem.badRequest(
                    "page-method",
                    "Not a page",
                    "This address is not opened this way. Start again" + " from the page you came from.");
        }
        if (e instanceof TypeMismatchException
                || e instanceof MissingServletRequestParameterException
                || e instanceof org.springframework.web.bind.ServletRequestBindingException) {
            return Problem.badRequest(
                    "page-parameter",
                    "Address not understood",
                    "Part of this address is not"
                            + " understood (a date or a month written another way, say). Start again from the page you came from.");
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new Problem(
                    Problem.Kind.TOO_LARGE,
                    "file-too-large",
                    "File too large",
                    "The file is larger than this server accepts (at most 5 MB). Nothing was changed.");
        }
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) { // Spring's other refusals
            return spring.getStatusCode().value() == 404
                    ? notFound()
                    : Problem.badRequest(
                            "page-parameter",
                            "Address not understood",
                            "Part of this address is not" + " understood. Start again from the page you came from.");
        }
        if (id.fleksi.platform.web.DatabaseAway.is(e)) {
            return Problem.unavailable(
                    "database-away",
                    "Try again in a moment",
                    "Fleksi cannot reach its database"
                            + " for a moment. Nothing was changed; try again in a few seconds.");
        }
        return new Problem(
                Problem.Kind.INTERNAL,
                "internal-error",
                "Internal error",
                "Something went wrong on our side"
                        + " and nothing was changed by this request. Try again; if it keeps happening, tell the platform operator the"
                        + " time of the request.");
    }

    private static Problem notFound() {
        return Problem.notFound(
                "page-not-found",
                "Page not found",
                "There is no page at this address. Check the address, or" + " start from your pemda's home page.");
    }

    /** The tenant's home page, for a page under {@code /t/{code}/} whose problem is not the tenant itself; else null. */
    static String tenantHome(String path, Problem problem) {
        if (!path.startsWith("/t/") || TENANT_LEVEL.contains(problem.type())) {
            return null;
        }
        String rest = path.substring(3);
        String code = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        try {
            return "/t/" + TenantCode.of(code).value() + "/";
        } catch (InvalidTenantCodeException e) {
            return null;
        }
    }
}
