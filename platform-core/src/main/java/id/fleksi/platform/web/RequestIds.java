package id.fleksi.platform.web;

import id.fleksi.platform.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, first of all filters: in the logs ({@code requestId} in the MDC), in the answer's
 * {@code X-Request-Id} header and in every problem's body. A person who met an error quotes it; the operator finds
 * the log lines, with the internals the answer does not show. An id sent by a proxy in front is kept when it looks
 * like one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SENT = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** The id of the request being served, or null outside one. */
    public static @Nullable String of(@Nullable HttpServletRequest request) {
        return request == null ? null : (String) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        String id = sent != null && SENT.matcher(sent).matches() ? sent : LogContext.newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(LogContext.REQUEST_ID, id)) {
            chain.doFilter(request, response);
        }
    }
}
