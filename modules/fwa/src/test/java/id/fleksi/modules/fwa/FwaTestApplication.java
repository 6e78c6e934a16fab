package id.fleksi.modules.fwa;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** platform-core with the FWA module, as the application assembles them, on a clock the test sets. */
@SpringBootApplication(scanBasePackages = "id.fleksi")
@EntityScan("id.fleksi")
@EnableJpaRepositories("id.fleksi")
class FwaTestApplication {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2025-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void set(String isoOffsetDateTime) {
            now = java.time.OffsetDateTime.parse(isoOffsetDateTime).toInstant();
        }
    }
}
