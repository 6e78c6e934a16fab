package id.fleksi.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token buckets (Bucket4j) per person, for writes per person, and per tenant, checked before a request reaches
 * the database; past one, the answer is 429 with {@code Retry-After} and a problem saying when to try again. The
 * buckets live in this instance's memory, bounded and forgotten after ten idle minutes: with N replicas a person
 * may send N times as much, still far below what hurts.
 */
class RateLimits implements HandlerInterceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RateLimitProperties limits;
    private final IdentityProperties identity;
    private final Cache<String, Bucket> people = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final Cache<String, Bucket> tenants = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimits(RateLimitProperties limits, IdentityProperties identity) {
        this.limits = limits;
        this.identity = identity;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication(), identity);
        if (caller == null) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String tenant = variables == null ? null : variables.get("code");
        String person = caller.realm() + "/" + caller.subject();
        String method = request.getMethod();
        boolean write = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        ConsumptionProbe refused = first(
                people.get(
                        person, key -> bucket(limits.perUserBurst(), limits.perUserPerMinute(), Duration.ofMinutes(1))),
                write
                        ? people.get(
                                "write:" + person,
                                key -> bucket(
                                        limits.writesPerUserBurst(),
                                        limits.writesPerUserPerMinute(),
                                        Duration.ofMinutes(1)))
                        : null,
                tenant == null
                        ? null
                        : tenants.get(
                                tenant,
                                key -> bucket(
                                        limits.perTenantBurst(), limits.perTenantPerSecond(), Duration.ofSeconds(1))));
        if (refused == null) {
            return true;
        }
        long seconds =
                Math.max(1, Duration.ofNanos(refused.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "urn:fleksi:problem:too-many-requests");
        problem.put("title", "Too many requests");
        problem.put("status", 429);
        problem.put(
                "detail",
                "Too many requests in a short time; nothing more was done. Try again in " + seconds + " seconds.");
        problem.put("retryAfterSeconds", seconds);
        problem.put("requestId", RequestIds.of(request));
        response.getWriter().write(JSON.writeValueAsString(problem));
        return false;
    }

    /** Takes a token from each bucket in turn; the first that has none says how long to wait (the others keep theirs). */
    private static ConsumptionProbe first(Bucket... buckets) {
        for (Bucket bucket : buckets) {
            if (bucket != null) {
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    return probe;
                }
            }
        }
        return null;
    }

    private static Bucket bucket(int burst, int refill, Duration period) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refill, period))
                .build();
    }
}
