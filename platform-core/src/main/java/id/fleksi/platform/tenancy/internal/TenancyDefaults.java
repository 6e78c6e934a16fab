package id.fleksi.platform.tenancy.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings the schema-per-tenant design depends on, added as the lowest-priority defaults so no
 * application or test configuration can forget them:
 * <ul>
 * <li>Hikari resets every returned connection to {@code fleksi_none}, a schema that does not exist: a connection used
 * without a tenant reaches no tenant's tables, and one returned by a tenant's session never carries that
 * tenant's schema to the next borrower;</li>
 * <li>no open-session-in-view: a session opens inside the request's tenant scope, not before it;</li>
 * <li>Spring Boot's own Liquibase run is off: Fleksi migrates the platform schema and each tenant itself;</li>
 * <li>JDBC batching, so a bulk import of thousands of employees is a few round trips, not thousands.</li>
 * </ul>
 */
public class TenancyDefaults implements EnvironmentPostProcessor {

    public static final String NO_TENANT_SCHEMA = "fleksi_none";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("fleksiTenancyDefaults", Map.of(
                "spring.datasource.hikari.schema", NO_TENANT_SCHEMA,
                "spring.datasource.hikari.max-lifetime", "1800000",
                "spring.jpa.open-in-view", "false",
                "spring.jpa.hibernate.ddl-auto", "none",
                "spring.jpa.properties.hibernate.jdbc.batch_size", "200",
                "spring.jpa.properties.hibernate.order_inserts", "true",
                "spring.jpa.properties.hibernate.order_updates", "true",
                "spring.liquibase.enabled", "false")));
    }
}
