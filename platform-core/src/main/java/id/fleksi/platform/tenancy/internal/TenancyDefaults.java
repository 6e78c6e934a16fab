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
 * <li>JDBC batching, so a bulk import of thousands of employees is a few round trips, not thousands;</li>
 * <li>the PostgreSQL driver prepares a statement on the server at its first use and keeps up to 2,048 per connection:
 * SQL names each tenant's schema, so 200 tenants make 200 copies of each statement, and with the driver's defaults (the
 * fifth use, 256 kept) a check-in spread over many tenants was parsed and planned afresh every time, at half the rate of
 * one tenant's. A cache smaller than the statements in use is no better than none (requests cycle through tenants, and
 * the least recently used is always the next one needed): 1,024 served 100 tenants, not 200.</li>
 * <li>PostgreSQL keeps one generic plan of each prepared statement ({@code plan_cache_mode=force_generic_plan}).
 * By default it plans each of the first five executions for their values, then keeps planning afresh whenever the
 * generic plan's estimate is worse than theirs. Once a table has statistics, a day's check-ins all share one
 * {@code work_date}, that estimate always is, and the check-in's reading statement was planned at every execution
 * (0.33 ms of planning for 0.07 ms of execution; after {@code ANALYZE} a check-in's PostgreSQL CPU went from 0.54 to
 * 0.9-1.1 ms). Fleksi's statements are lookups by key whose plan does not depend on the values.</li>
 * </ul>
 */
public class TenancyDefaults implements EnvironmentPostProcessor {

    public static final String NO_TENANT_SCHEMA = "fleksi_none";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "fleksiTenancyDefaults",
                        Map.ofEntries(
                                Map.entry("spring.datasource.hikari.schema", NO_TENANT_SCHEMA),
                                Map.entry("spring.datasource.hikari.max-lifetime", "1800000"),
                                Map.entry("spring.jpa.open-in-view", "false"),
                                Map.entry("spring.jpa.hibernate.ddl-auto", "none"),
                                Map.entry("spring.jpa.properties.hibernate.jdbc.batch_size", "200"),
                                Map.entry("spring.jpa.properties.hibernate.order_inserts", "true"),
                                Map.entry("spring.jpa.properties.hibernate.order_updates", "true"),
                                Map.entry("spring.liquibase.enabled", "false"),
                                Map.entry("spring.datasource.hikari.data-source-properties.prepareThreshold", "1"),
                                Map.entry(
                                        "spring.datasource.hikari.data-source-properties.preparedStatementCacheQueries",
                                        "2048"),
                                Map.entry(
                                        "spring.datasource.hikari.data-source-properties.preparedStatementCacheSizeMiB",
                                        "16"),
                                Map.entry(
                                        "spring.datasource.hikari.data-source-properties.options",
                                        "-c plan_cache_mode=force_generic_plan"))));
    }
}
