package id.fleksi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps a static file. Pages link them by content hash ({@code /css/fleksi-0f3c...e9.css}, Spring's
 * resource chain with the content strategy, rewritten in every {@code @{...}} link): such a name never changes content, so
 * it is kept a year without asking again, and a release that changes the file changes its name. A file asked for by its
 * plain name is asked again each time (answered 304 while it is unchanged). On a phone with a weak signal the second page
 * then loads without fetching its style and scripts again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class StaticFileCaching extends OncePerRequestFilter {

    /** A name with a content hash, as the resource chain makes it: {@code name-<32 hex digits>.ext}. */
    static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+");

    static final String A_YEAR = "public, max-age=31536000, immutable";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || request.getRequestURI().startsWith("/api/")
                || !HASHED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, A_YEAR);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!keeps(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!keeps(name)) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setStatus(int status) {
                super.setStatus(status);
                if (status >= 400) {
                    // An error is not a file: nothing of it is kept.
                    super.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            }

            private boolean keeps(String name) {
                return getStatus() < 400
                        && (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)
                                || HttpHeaders.PRAGMA.equalsIgnoreCase(name)
                                || HttpHeaders.EXPIRES.equalsIgnoreCase(name));
            }
        });
    }
}
