package id.fleksi.platform;

import java.util.UUID;
import java.util.regex.Pattern;
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

    /** A run of 8 or more digits: a NIP (18), a NIK (16), a phone number. Not a UUID's groups, nor a time. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9A-Za-z-])\\d{8,}(?![0-9A-Za-z-])");
    /** A number with 4 or more decimals: a coordinate (-1.7357, 119.5462) or an accuracy to the millimetre. */
    private static final Pattern PRECISE_DECIMAL = Pattern.compile("-?\\d{1,3}\\.\\d{4,}");

    private LogContext() {}

    /**
     * Text from outside Fleksi's own words (an exception's message, a parser's or the database's complaint) made fit for a
     * log line: NIPs and other long numbers, and coordinates, replaced. Fleksi's own log statements name employees by
     * id and never write a location; this is the net under what they quote.
     */
    public static String redacted(String text) {
        if (text == null) {
            return "";
        }
        return PRECISE_DECIMAL
                .matcher(LONG_NUMBER.matcher(text).replaceAll("[number]"))
                .replaceAll("[decimal]");
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
