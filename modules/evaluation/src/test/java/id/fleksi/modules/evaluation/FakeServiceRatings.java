package id.fleksi.modules.evaluation;

import java.time.LocalDate;
import java.util.UUID;

import id.fleksi.platform.tenancy.TenantCode;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Public feedback for tests that read it before the feedback part is there: ratings given before a date and from it on,
 * the same for every unit. The lead swaps in the real {@link ServiceRatings} once both are merged.
 */
@TestConfiguration
public class FakeServiceRatings {

    /** The fake: {@link #set} what it answers; until then, no ratings. */
    public static final class Ratings implements ServiceRatings {

        private volatile LocalDate from = LocalDate.MAX;
        private volatile Summary before = Summary.NONE;
        private volatile Summary since = Summary.NONE;

        /** Ratings answered for periods that end before {@code from}, and for those that begin on it or later. */
        public void set(LocalDate from, Summary before, Summary since) {
            this.from = from;
            this.before = before;
            this.since = since;
        }

        @Override
        public Summary between(TenantCode tenant, @Nullable UUID unit, LocalDate start, LocalDate end) {
            return end.isBefore(from) ? before : !start.isBefore(from) ? since : Summary.NONE;
        }
    }

    @Bean
    @Primary
    Ratings fakeServiceRatings() {
        return new Ratings();
    }
}
