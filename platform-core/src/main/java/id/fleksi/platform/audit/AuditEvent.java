package id.fleksi.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One administrative change; {@code before} and {@code after} are JSON, null where there was nothing. */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String target,
        @Nullable String before,
        @Nullable String after) {}
