package id.fleksi.platform.modules;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform operator's word on modules: which ones a hosted tenant may use, and which ones new tenants
 * get switched on. A tenant's own row wins over the default row ({@code tenant_code = '*'}); with neither,
 * a module is allowed and new tenants follow {@link FeatureModule#enabledForNewTenants()}.
 */
@Component
public class ModuleAvailability {

    static final String EVERY_TENANT = "*";

    private final JdbcClient jdbc;

    public ModuleAvailability(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean allowed(TenantCode tenant, String moduleId) {
        return jdbc.sql("""
                select allowed from platform.module_availability where module_id = ? and tenant_code in (?, '*')
                order by case when tenant_code = '*' then 1 else 0 end limit 1""")
                .param(moduleId)
                .param(tenant.value())
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    public boolean enabledForNewTenants(FeatureModule module) {
        Optional<Boolean> operator =
                jdbc.sql("""
                select enabled_for_new_tenants from platform.module_availability
                where module_id = ? and tenant_code = '*' and enabled_for_new_tenants is not null""").param(module.id()).query(Boolean.class).optional();
        return operator.orElse(module.enabledForNewTenants());
    }

    /** Sets, for one tenant or (tenant null) as the default for all, whether the module may be used. */
    public void set(TenantCode tenant, String moduleId, boolean allowed, Boolean enabledForNewTenants) {
        jdbc.sql("""
                insert into platform.module_availability (tenant_code, module_id, allowed, enabled_for_new_tenants)
                values (?, ?, ?, ?)
                on conflict (tenant_code, module_id) do update set allowed = excluded.allowed,
                    enabled_for_new_tenants = excluded.enabled_for_new_tenants""")
                .param(tenant == null ? EVERY_TENANT : tenant.value())
                .param(moduleId)
                .param(allowed)
                .param(enabledForNewTenants)
                .update();
    }
}
