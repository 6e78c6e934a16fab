package id.fleksi.platform;

import java.util.UUID;

import org.slf4j.MDC;

/**
 * What every log line says about the work it belongs to (the logging pattern and the JSON logs print them):
 * {@value #TENANT}, set by {@link id.fleksi.platform.tenancy.TenantContext} whenever a tenant is; {@value #REQUEST_ID},
 * set for every web request (and sent back as {@code X-Request-Id}), for every run of a scheduled job, and carried into
 * the background work a request starts; {@value #USER_ID}, the caller's Keycloak subject (an opaque id, never the
 * username, which for an employee is the NIP), set once the request is authenticated. Each is cleared when its work
 * ends, so a pooled thread carries none into the next.
 */
public final class LogContext {

    public static final String TENANT = "tenant";
    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";

    private LogContext() {
    }

    /** A fresh id: 16 hexadecimal characters. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Sets a request id for one run of a job ({@code name-} and 8 characters) until the returned handle is closed. */
    public static MDC.MDCCloseable job(String name) {
        return MDC.putCloseable(REQUEST_ID, name + "-" + newId().substring(0, 8));
    }

    /** The work, to run on another thread under the request id of the thread that hands it over (or a new one). */
    public static Runnable carried(Runnable work) {
        String id = MDC.get(REQUEST_ID);
        String carried = id != null ? id : newId();
        return () -> {
            try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID, carried)) {
                work.run();
            }
        };
    }
}
