package id.fleksi.modules.evaluation;

import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The public's ratings of an OPD's services (the feedback part), as the evaluation and the WFA trial's verdict read
 * them: only ratings a moderator accepted count.
 */
public interface ServiceRatings {

    /**
     * Accepted ratings given between {@code from} and {@code to} (inclusive, the tenant's dates) to services of the unit
     * and the units under it (the whole pemda when {@code unit} is null).
     */
    Summary between(TenantCode tenant, @Nullable UUID unit, LocalDate from, LocalDate to);

    /**
     * @param ratings how many accepted ratings
     * @param scoreSum their scores (1 to 5) summed; the mean is {@code scoreSum / ratings}
     * @param scoreSquareSum their squares summed, for a confidence interval of the mean
     */
    record Summary(long ratings, long scoreSum, long scoreSquareSum) {

        public static final Summary NONE = new Summary(0, 0, 0);

        public double mean() {
            return ratings == 0 ? Double.NaN : (double) scoreSum / ratings;
        }
    }
}
