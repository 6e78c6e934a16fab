package id.fleksi.platform.web;

import id.fleksi.platform.RequestMemo;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Decides whether a caller may work in a tenant now: the tenant exists, is active, its schema is current, the
 * caller's token comes from that tenant's own realm, and the caller is not an employee who has been retired.
 * Everything tenant-scoped, API and pages, asks here; nothing else decides it.
 */
@Component
public class TenantGate {

    private final TenantRegistry registry;
    private final TenantMigrator migrator;
    private final JdbcClient jdbc;

    public TenantGate(TenantRegistry registry, TenantMigrator migrator, JdbcClient jdbc) {
        this.registry = registry;
        this.migrator = migrator;
        this.jdbc = jdbc;
    }

    /** The tenant, if the caller may use it now; otherwise a problem saying why not. */
    public Tenant admit(String code, Caller caller) {
        Tenant tenant = serving(code);
        if (caller == null || !tenant.realm().equals(caller.realm())) {
            throw Problem.forbidden(
                            "wrong-tenant",
                            "Not your tenant",
                            "Your account " + (caller == null ? "" : "belongs to '" + caller.realm() + "' and ")
                                    + "cannot use tenant '" + tenant.code() + "'. Log in with an account of '"
                                    + tenant.code() + "'.")
                    .values(tenant.code().toString());
        }
        if (retired(tenant, caller.username())) {
            endWebSession();
            throw Problem.forbidden(
                            "account-retired",
                            "Account no longer active",
                            "Your account "
                                    + caller.username()
                                    + " belongs to an employee who no longer serves this pemda; it was signed out. Ask"
                                    + " BKD if this is a mistake.")
                    .values(caller.username());
        }
        return tenant;
    }

    /**
     * Whether the caller is an employee of the tenant who has been retired. Their realm user is disabled at the same
     * moment, but a token already issued lives on until it expires; this check ends its use at once, for the API and
     * the pages alike. Accounts that are no employee (a tenant admin's) are not affected.
     */
    private boolean retired(Tenant tenant, String username) {
        if (username == null) {
            return false;
        }
        String status = RequestMemo.get(
                "account-status:" + tenant.code() + ":" + username,
                () -> jdbc.sql(TenantSql.in(tenant.code(), "select status from {employee} where username = ?"))
                        .param(username)
                        .query(String.class)
                        .optional()
                        .orElse("NONE"));
        return "RETIRED".equals(status);
    }

    /**
     * A browser session of a retired employee ends here, so the next page asks Keycloak, which refuses them. The request
     * itself ends as it began: it only shows the refusal.
     */
    private static void endWebSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
    }

    /** The tenant, if it is being served now, whoever asks. */
    public Tenant serving(String code) {
        Tenant tenant = registry.require(TenantRegistry.codeInPath(code));
        switch (tenant.status()) {
            case PROVISIONING ->
                throw Problem.unavailable(
                                "tenant-provisioning",
                                "Tenant being set up",
                                "Tenant '" + code + "' is still being set up. Try again in a minute.")
                        .values(code);
            case SUSPENDED ->
                throw Problem.forbidden(
                                "tenant-suspended",
                                "Tenant suspended",
                                "Tenant '" + code
                                        + "' is suspended by the platform operator; its data is kept. Ask your"
                                        + " Diskominfo to resume it.")
                        .values(code);
            case ARCHIVED ->
                throw Problem.forbidden(
                                "tenant-archived",
                                "Tenant archived",
                                "Tenant '" + code
                                        + "' is archived and no longer served; its data is kept by the platform operator.")
                        .values(code);
            case HANDING_OVER -> {
                if (isWrite()) {
                    throw Problem.unavailable(
                                    "tenant-moving",
                                    "Tenant moving",
                                    "Tenant '" + code
                                            + "' is being moved to its own server: you can read, but nothing can be"
                                            + " changed until the move is done. Your Diskominfo will tell you the new address.")
                            .values(code)
                            .with("retryAfterSeconds", 600);
                }
            }
            case HANDED_OVER ->
                throw Problem.forbidden(
                                "tenant-handed-over",
                                "Tenant moved",
                                "Tenant '" + code
                                        + "' has moved to its own server and is no longer served here. Ask your"
                                        + " Diskominfo for the new address.")
                        .values(code);
            case ACTIVE -> {}
        }
        if (!migrator.isCurrent(tenant)) {
            throw Problem.unavailable(
                            "tenant-schema-behind",
                            "Tenant being upgraded",
                            "Tenant '" + code + "' is not served until its database is upgraded ("
                                    + tenant.appliedChangeSets()
                                    + " of " + migrator.expectedChangeSets() + " changes applied, last migration "
                                    + tenant.migrationState().name().toLowerCase() + "). The platform operator runs"
                                    + " 'fleksi migrate'; try again later.")
                    .values(code, tenant.appliedChangeSets(), migrator.expectedChangeSets())
                    .with("retryAfterSeconds", 300);
        }
        return tenant;
    }

    /** Whether this request would change something (all but GET, HEAD and OPTIONS). */
    private static boolean isWrite() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String method = attributes.getRequest().getMethod();
            return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        }
        return true;
    }
}
