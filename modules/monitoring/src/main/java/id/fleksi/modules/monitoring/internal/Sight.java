package id.fleksi.modules.monitoring.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may see of the live view: the whole pemda or some units (with everything under them), and whether
 * persons or only counts.
 *
 * @param within the units (and their sub-units) in sight; null: the whole pemda
 * @param people whether persons' rows are shown, or counts only
 */
public record Sight(@Nullable Set<UUID> within, boolean people) {

    public static Sight everything() {
        return new Sight(null, true);
    }

    public static Sight countsOnly() {
        return new Sight(null, false);
    }

    public boolean wholePemda() {
        return within == null;
    }
}
