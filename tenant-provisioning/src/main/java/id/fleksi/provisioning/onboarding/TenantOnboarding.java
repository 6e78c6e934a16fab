package id.fleksi.provisioning.onboarding;

import id.fleksi.platform.migration.MigrationException;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.OneTimePassword;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUnavailableException;
import id.fleksi.provisioning.realm.RealmUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Onboards a pemda: the registry row, the realm (roles, web client, first tenant admin with a one-time
 * password), then the schema with every migration and the feature modules new tenants get. All or nothing: if a step fails, what the earlier steps
 * made is removed again, so a retry starts clean. Nothing that existed before is ever removed: a code, schema
 * or realm already taken is refused up front.
 */
@Service
public class TenantOnboarding {

    public static final String FIRST_ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(TenantOnboarding.class);

    private final TenantRegistry registry;
    private final TenantMigrator migrator;
    private final RealmProvisioner realms;
    private final ModuleSwitches modules;
    private final JdbcClient jdbc;

    public TenantOnboarding(
            TenantRegistry registry,
            TenantMigrator migrator,
            RealmProvisioner realms,
            ModuleSwitches modules,
            JdbcClient jdbc) {
        this.registry = registry;
        this.migrator = migrator;
        this.realms = realms;
        this.modules = modules;
        this.jdbc = jdbc;
    }

    public Onboarded onboard(NewTenant request) {
        TenantCode code = TenantCode.of(request.code());
        TenantCode parent = checkParent(request);
        Tenant tenant = new Tenant(
                code,
                request.name().strip(),
                request.kind(),
                parent,
                request.regionCode(),
                request.timeZone(),
                code.schemaName(),
                code.realmName(),
                TenantStatus.PROVISIONING,
                Hosting.SHARED,
                0,
                MigrationState.PENDING,
                null,
                null,
                null);
        if (registry.exists(code)) {
            throw alreadyExists(code);
        }
        if (schemaExists(code)) {
            throw Problem.conflict(
                    "schema-exists",
                    "Schema already exists",
                    "The database already has a schema " + code.schemaName()
                            + " that no tenant owns. Fleksi will not touch it; remove or rename it first.");
        }
        Map<String, Duration> timings = new LinkedHashMap<>();
        long started = System.nanoTime();
        if (!registry.insertProvisioning(tenant)) {
            throw alreadyExists(code);
        }
        timings.put("registry", since(started));
        boolean realmMade = false;
        try {
            long step = System.nanoTime();
            if (realms.realmExists(code.realmName())) {
                throw Problem.conflict(
                        "realm-exists",
                        "Realm already exists",
                        "Keycloak already has a realm '" + code.realmName()
                                + "' that no tenant owns. Fleksi will not touch it; remove it first.");
            }
            String oneTimePassword = createRealm(code, tenant.name());
            realmMade = true;
            timings.put("realm", since(step));

            step = System.nanoTime();
            migrator.migrate(code);
            modules.applyDefaults(code, "onboarding");
            timings.put("schema", since(step));

            registry.setStatus(code, TenantStatus.ACTIVE);
            timings.put("total", since(started));
            log.info(
                    "Onboarded tenant {} in {} ms ({})",
                    code,
                    timings.get("total").toMillis(),
                    timings);
            return new Onboarded(registry.find(code).orElseThrow(), FIRST_ADMIN, oneTimePassword, timings);
        } catch (RuntimeException | MigrationException e) {
            undo(code, realmMade);
            if (e instanceof Problem problem) {
                throw problem;
            }
            boolean keycloakDown = e instanceof RealmUnavailableException;
            throw new OnboardingFailedException(
                    "Onboarding '" + code + "' failed and was rolled back; nothing was" + " left behind. "
                            + e.getMessage(),
                    keycloakDown,
                    e);
        }
    }

    /**
     * The tenant's realm as onboarding makes it: Fleksi's roles, the web client, and the first tenant admin with a one-time
     * password, which is returned. Also how {@code fleksi bench-realms} fills a Keycloak with real tenants' realms.
     */
    public String createRealm(TenantCode code, String name) {
        String oneTimePassword = OneTimePassword.generate(16);
        realms.createRealm(
                code.realmName(),
                name,
                false,
                List.of(new RealmUser(FIRST_ADMIN, "Admin", name, oneTimePassword, true, Set.of(Role.TENANT_ADMIN))));
        return oneTimePassword;
    }

    private static Problem alreadyExists(TenantCode code) {
        return Problem.conflict(
                "tenant-exists",
                "Tenant already exists",
                "A tenant with code '" + code + "' already exists; nothing was changed.");
    }

    private @Nullable TenantCode checkParent(NewTenant request) {
        if (request.parent() == null || request.parent().isBlank()) {
            return null;
        }
        if (request.kind() == TenantKind.PROVINCE) {
            throw Problem.badRequest(
                            "invalid-parent",
                            "A province has no parent",
                            "parent: a province is not hosted by another tenant; leave parent empty.")
                    .with("errors", List.of(Map.of("field", "parent", "message", "must be empty for a province")));
        }
        String problem = TenantCode.problemWith(request.parent());
        Tenant parent =
                problem == null ? registry.find(TenantCode.of(request.parent())).orElse(null) : null;
        if (parent == null
                || parent.status() == TenantStatus.ARCHIVED
                || parent.status() == TenantStatus.PROVISIONING) {
            throw Problem.badRequest(
                            "unknown-parent",
                            "Unknown parent",
                            "parent: there is no active tenant '" + request.parent()
                                    + "' to host this one; onboard the province first.")
                    .with("errors", List.of(Map.of("field", "parent", "message", "no such tenant")));
        }
        if (parent.kind() != TenantKind.PROVINCE) {
            throw Problem.badRequest(
                    "invalid-parent",
                    "Parent is not a province",
                    "parent: '" + request.parent() + "' is a "
                            + parent.kind().name().toLowerCase() + "; a kabupaten or kota is hosted by a province.");
        }
        return parent.code();
    }

    private void undo(TenantCode code, boolean realmMade) {
        if (realmMade) {
            try {
                realms.deleteRealm(code.realmName());
            } catch (RuntimeException e) {
                log.error("Could not remove realm {} while rolling back; remove it by hand", code.realmName(), e);
            }
        }
        jdbc.sql("drop schema if exists " + code.schemaName() + " cascade").update();
        registry.delete(code);
    }

    private boolean schemaExists(TenantCode code) {
        return jdbc.sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(code.schemaName())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
