package id.fleksi.dev.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code FLEKSI_DEMO=true} ({@code fleksi.demo.seed}): the demo seeded when Fleksi starts from fleksi-dev's jar without
 * {@code up} (which seeds it itself). Production refuses the setting ({@code ProductionChecks}); its jar has no demo.
 */
@Component
@ConditionalOnProperty(name = "fleksi.demo.seed", havingValue = "true")
class DemoAtStart implements ApplicationRunner {

    private final DemoSeed demo;

    DemoAtStart(DemoSeed demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        demo.seed();
    }
}
