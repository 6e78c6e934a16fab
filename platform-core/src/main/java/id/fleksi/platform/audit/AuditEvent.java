package id.fleksi.platform.audit;

import java.time.Instant;

/** One administrative change; {@code before} and {@code after} are JSON, null where there was nothing. */
public record AuditEvent(
        long id, Instant at, String actor, String action, String target, String before, String after) {}
