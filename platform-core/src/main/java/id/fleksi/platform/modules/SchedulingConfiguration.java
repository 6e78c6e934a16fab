package id.fleksi.platform.modules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    /** The scheduler of module jobs; two threads, so one long job does not hold up the rest. */
    @Bean(destroyMethod = "shutdown")
    TaskScheduler moduleJobScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("fleksi-job-");
        scheduler.initialize();
        return scheduler;
    }
}
