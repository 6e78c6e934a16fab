package id.fleksi.app.settings;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The metrics are served only on a management port of their own ({@code FLEKSI_MANAGEMENT_PORT}, 8081 in production
 * mode) on {@code FLEKSI_MANAGEMENT_ADDRESS} (loopback by default), which the TLS proxy in front does not forward:
 * there {@code /actuator/prometheus} joins the health endpoints.
 * Without one (a laptop, by default) the public port serves the health endpoints and nothing else of the actuator.
 */
public class ManagementEndpoints implements EnvironmentPostProcessor, Ordered {

    static final String PORT = "management.server.port";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (separatePort(environment)) {
            // Loopback unless FLEKSI_MANAGEMENT_ADDRESS says otherwise (0.0.0.0 in a pod, for Prometheus to scrape).
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "fleksiManagementEndpoints",
                            Map.of(
                                    "management.endpoints.web.exposure.include",
                                    "health,prometheus",
                                    "management.server.address",
                                    environment.getProperty("FLEKSI_MANAGEMENT_ADDRESS", "127.0.0.1"))));
        }
    }

    /** Whether the management endpoints have a port of their own (0: a free one, as in tests), as Spring Boot decides it. */
    static boolean separatePort(Environment environment) {
        String port = environment.getProperty(PORT);
        if (port == null || port.isBlank()) {
            return false;
        }
        String management = port.strip();
        return management.equals("0")
                || !management.equals(
                        environment.getProperty("server.port", "8080").strip());
    }
}
