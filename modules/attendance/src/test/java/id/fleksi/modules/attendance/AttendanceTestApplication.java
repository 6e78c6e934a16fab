package id.fleksi.modules.attendance;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** platform-core with the attendance module, as the application assembles them. */
@SpringBootApplication(scanBasePackages = "id.fleksi")
@EntityScan("id.fleksi")
@EnableJpaRepositories("id.fleksi")
class AttendanceTestApplication {}
