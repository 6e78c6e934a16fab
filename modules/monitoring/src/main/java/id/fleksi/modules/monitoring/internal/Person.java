package id.fleksi.modules.monitoring.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One person's day as the live view reads it; shown only to those who may see persons ({@link Sight#people()}). */
public record Person(
        UUID id,
        UUID unitId,
        String name,
        @Nullable String nip,
        Standing standing,
        boolean expected,
        @Nullable String absenceKind,
        int minutesLate,
        @Nullable Instant checkedInAt,
        boolean flagged,
        boolean reportDue,
        boolean reportFiled) {}
