package id.fleksi.platform.tenancy;

import id.fleksi.platform.RequestMemo;
import id.fleksi.platform.problem.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenant registry in the {@code platform} schema. Plain SQL with qualified names: the registry is read
 * outside any tenant's unit of work (to authenticate a request, to migrate), so it must not depend on the
 * connection's schema.
 */
@Repository
public class TenantRegistry {

    private static final String COLUMNS = "code, name, kind, parent_code, region_code, time_zone, schema_name, realm,"
            + " status, hosting, applied_change_sets, migration_state, migration_error, created_at, updated_at, revision";

    private final JdbcClient jdbc;

    public TenantRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's row; read once per web request (the token check, the gate and the services all ask). */
    public Optional<Tenant> find(TenantCode code) {
        return RequestMemo.get(
                "tenant.code." + code.value(),
                () -> jdbc.sql("select " + COLUMNS + " from platform.tenant where code = ?")
                        .param(code.value())
                        .query(TenantRegistry::map)
                        .optional());
    }

    /**
     * The name of the request attribute where {@link #find} left this code's row (an {@code Optional<Tenant>}) for the
     * rest of the request; the request metrics look there to tag only registered tenants, without a read of their own.
     */
    public static String rememberedRowAttribute(String code) {
        return RequestMemo.attributeName("tenant.code." + code);
    }

    /** The tenant, or a 404 problem saying there is none of that code here. */
    public Tenant require(TenantCode code) {
        return find(code).orElseThrow(() -> unknownTenant(code));
    }

    /** A tenant code taken from an address or a command: anything that is not a valid code names no tenant (404). */
    public static TenantCode codeInPath(String code) {
        try {
            return TenantCode.of(code);
        } catch (InvalidTenantCodeException e) {
            throw unknownTenant(code);
        }
    }

    public static Problem unknownTenant(Object code) {
        String shown = String.valueOf(code).length() > 40
                ? String.valueOf(code).substring(0, 40) + "..."
                : String.valueOf(code);
        return Problem.notFound(
                        "unknown-tenant", "Unknown tenant", "There is no tenant '" + shown + "' on this Fleksi.")
                .values(shown);
    }

    /** Finds a tenant by the realm that issues its users' tokens. */
    public Optional<Tenant> findByRealm(String realm) {
        Optional<Tenant> found = RequestMemo.get(
                "tenant.realm." + realm,
                () -> jdbc.sql("select " + COLUMNS + " from platform.tenant where realm = ?")
                        .param(realm)
                        .query(TenantRegistry::map)
                        .optional());
        // The token check asks by realm, the gate and the services by code: one row, one read.
        found.ifPresent(
                tenant -> RequestMemo.remember("tenant.code." + tenant.code().value(), found));
        return found;
    }

    public List<Tenant> list() {
        return jdbc.sql("select " + COLUMNS + " from platform.tenant order by code")
                .query(TenantRegistry::map)
                .list();
    }

    /** Tenants whose schema is kept migrated: every one that is served now or may be again (a handover can be cancelled). */
    public List<Tenant> listMigratable() {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from platform.tenant where status in ('ACTIVE', 'SUSPENDED', 'HANDING_OVER', 'HANDED_OVER') order by code")
                .query(TenantRegistry::map)
                .list();
    }

    public boolean exists(TenantCode code) {
        return jdbc.sql("select count(*) from platform.tenant where code = ?")
                        .param(code.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Registers a tenant in {@link TenantStatus#PROVISIONING}. Returns false, changing nothing, if the code
     * is taken: the primary key decides, so two concurrent creates of one code never both proceed.
     */
    public boolean insertProvisioning(Tenant tenant) {
        RequestMemo.forget("tenant.");
        int inserted = jdbc.sql("""
                insert into platform.tenant (code, name, kind, parent_code, region_code, time_zone, schema_name, realm,
                    status, hosting, applied_change_sets, migration_state, created_at, updated_at)
                values (:code, :name, :kind, :parent, :region, :zone, :schema, :realm, 'PROVISIONING', :hosting, 0,
                    'PENDING', now(), now())
                on conflict do nothing""")
                .param("code", tenant.code().value())
                .param("name", tenant.name())
                .param("kind", tenant.kind().name())
                .param(
                        "parent",
                        tenant.parent() == null ? null : tenant.parent().value())
                .param("region", tenant.regionCode())
                .param("zone", tenant.timeZone().name())
                .param("schema", tenant.schemaName())
                .param("realm", tenant.realm())
                .param("hosting", tenant.hosting().name())
                .update();
        return inserted == 1;
    }

    /** Moves a tenant to a new status; false if it is not registered. */
    public boolean setStatus(TenantCode code, TenantStatus status) {
        RequestMemo.forget("tenant.");
        return jdbc.sql("update platform.tenant set status = ?, updated_at = now() where code = ?")
                        .param(status.name())
                        .param(code.value())
                        .update()
                == 1;
    }

    public void recordMigration(TenantCode code, int appliedChangeSets, MigrationState state, String error) {
        RequestMemo.forget("tenant.");
        jdbc.sql("""
                update platform.tenant set applied_change_sets = ?, migration_state = ?, migration_error = ?,
                    updated_at = now() where code = ?""")
                .param(appliedChangeSets)
                .param(state.name())
                .param(error)
                .param(code.value())
                .update();
    }

    public void delete(TenantCode code) {
        RequestMemo.forget("tenant.");
        jdbc.sql("delete from platform.tenant where code = ?")
                .param(code.value())
                .update();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Tenant(
                TenantCode.of(rs.getString("code")),
                rs.getString("name"),
                TenantKind.valueOf(rs.getString("kind")),
                parent == null ? null : TenantCode.of(parent),
                rs.getString("region_code"),
                RegionTimeZone.valueOf(rs.getString("time_zone")),
                rs.getString("schema_name"),
                rs.getString("realm"),
                TenantStatus.valueOf(rs.getString("status")),
                Hosting.valueOf(rs.getString("hosting")),
                rs.getInt("applied_change_sets"),
                MigrationState.valueOf(rs.getString("migration_state")),
                rs.getString("migration_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("revision"));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
