package id.fleksi.platform.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param migrateOnStartup migrate the platform schema and every tenant schema when the application starts;
 *                         turn off in Kubernetes, where a Job runs {@code fleksi migrate} before the pods
 * @param tenantChangelog  the master changelog applied to each tenant schema
 */
@ConfigurationProperties("fleksi.tenancy")
public record TenancyProperties(
        @DefaultValue("true") boolean migrateOnStartup,
        @DefaultValue("db/tenant/changelog.yaml") String tenantChangelog) {}
