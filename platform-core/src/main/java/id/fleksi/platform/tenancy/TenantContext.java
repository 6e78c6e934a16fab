package id.fleksi.platform.tenancy;

import id.fleksi.platform.LogContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The tenant the current thread works for. Set around a unit of work and always cleared after it, so a
 * pooled thread never carries a tenant into the next request. Every log line written meanwhile names it
 * ({@link LogContext#TENANT} in the MDC).
 */
public final class TenantContext {

    private static final ThreadLocal<TenantCode> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<TenantCode> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant, or an exception: callers that touch tenant data must not guess. */
    public static TenantCode require() {
        TenantCode code = CURRENT.get();
        if (code == null) {
            throw new NoTenantException();
        }
        return code;
    }

    public static <T> T callAs(TenantCode tenant, Supplier<T> work) {
        try (Scope ignored = enter(tenant)) {
            return work.get();
        }
    }

    /** Sets the tenant until the returned scope is closed, for work that spans callbacks (a web request). */
    public static Scope enter(TenantCode tenant) {
        TenantCode previous = CURRENT.get();
        CURRENT.set(tenant);
        MDC.put(LogContext.TENANT, tenant.value());
        return () -> restore(previous);
    }

    public static void runAs(TenantCode tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(TenantCode previous) {
        if (previous == null) {
            CURRENT.remove();
            MDC.remove(LogContext.TENANT);
        } else {
            CURRENT.set(previous);
            MDC.put(LogContext.TENANT, previous.value());
        }
    }

    /** A tenant set until closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Thrown when tenant data is touched with no tenant set. */
    public static final class NoTenantException extends IllegalStateException {
        public NoTenantException() {
            super("No tenant is set for this unit of work; tenant data is not reachable without one");
        }
    }
}
