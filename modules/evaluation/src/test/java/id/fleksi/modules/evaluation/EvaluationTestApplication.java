package id.fleksi.modules.evaluation;

import id.fleksi.platform.testing.TestClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** platform-core with attendance, activity reports, monitoring and evaluation, as the application assembles them, on a clock the test sets. */
@SpringBootApplication(scanBasePackages = "id.fleksi")
@EntityScan("id.fleksi")
@EnableJpaRepositories("id.fleksi")
class EvaluationTestApplication {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock("2026-01-05T00:00:00Z");
    }
}
