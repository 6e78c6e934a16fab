package id.fleksi.platform;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers a read for the rest of the current web request, and nowhere else: a check-in asks for the
 * tenant's registry row and its module switches several times, and one read each is enough. Nothing outlives
 * the request, so another replica's change is seen by the next request, as before. Writers call
 * {@link #forget} so a request that changes something and reads it again sees its own change.
 */
public final class RequestMemo {

    private static final String PREFIX = "fleksi.memo.";

    private RequestMemo() {}

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        Object value = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (value == null) {
            value = read.get();
            if (value != null) {
                request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return (T) value;
    }

    /** The request attribute under which the read of {@code key} is remembered. */
    public static String attributeName(String key) {
        return PREFIX + key;
    }

    /** Remembers a value read some other way (the same row found by another key). */
    public static void remember(String key, Object value) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && value != null) {
            request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Forgets every remembered read whose key starts with {@code keyPrefix}. */
    public static void forget(String keyPrefix) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
            if (name.startsWith(PREFIX + keyPrefix)) {
                request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
            }
        }
    }
}
