package id.fleksi.platform.tenancy.internal;

import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.context.spi.TenantSchemaMapper;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate's schema multi-tenancy (7.1+): on obtaining a connection for a session, Hibernate sets the
 * connection's schema to the tenant's with {@code Connection.setSchema}, and Hikari (told
 * {@code spring.datasource.hikari.schema}) resets it when the connection returns to the pool. One pool serves
 * every tenant.
 *
 * <p>Fail closed: with no tenant set, a session may still be opened (Spring Data validates queries at start-up
 * that way), but the moment it needs a connection the mapper refuses, so no SQL runs in any schema.
 */
@Configuration(proxyBeanMethods = false)
class SchemaPerTenantConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant() {
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentTenant());
            properties.put(MultiTenancySettings.MULTI_TENANT_SCHEMA_MAPPER, new TenantSchemas());
        };
    }

    /** Marks a session opened with no tenant; never a schema. */
    static final String NO_TENANT = "";

    static final class CurrentTenant implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            return TenantContext.current().map(TenantCode::value).orElse(NO_TENANT);
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return true;
        }
    }

    static final class TenantSchemas implements TenantSchemaMapper<String> {
        @Override
        public String schemaName(String tenant) {
            if (NO_TENANT.equals(tenant)) {
                throw new TenantContext.NoTenantException();
            }
            return TenantCode.of(tenant).schemaName();
        }
    }
}
