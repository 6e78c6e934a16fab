package id.fleksi.modules.evaluation.feedback;

import id.fleksi.modules.evaluation.ServiceRatings;
import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The accepted ratings split by how the citizen says the staff served them, for the WFA trial's verdict to set service
 * given from the office beside service given remotely. Citizens need not say: those who did not are counted apart.
 */
public interface ServedModeRatings {

    String OFFICE = "OFFICE";
    String REMOTE = "REMOTE";
    String NOT_SAID = "NOT_SAID";

    /**
     * Accepted ratings between {@code from} and {@code to} (inclusive) of services of the unit and the units under it (the
     * whole pemda when {@code unit} is null), keyed {@link #OFFICE}, {@link #REMOTE} and {@link #NOT_SAID}; each key is
     * present, {@link ServiceRatings.Summary#NONE} when none.
     */
    Map<String, ServiceRatings.Summary> byServedMode(
            TenantCode tenant, @Nullable UUID unit, LocalDate from, LocalDate to);
}
