package id.fleksi.provisioning.bundle;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each export, import and handover of a tenant, in {@code platform.tenant_transfer}: what ran, with which bundle, how it
 * ended, and for a handover where the tenant went. The registry's status says where the tenant lives; this says how it
 * got there.
 */
@Component
public class BundleTransfers {

    public enum Direction {
        EXPORT,
        IMPORT,
        HANDOVER
    }

    public enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    /** One row of the record. */
    public record Transfer(
            UUID id,
            String tenant,
            Direction direction,
            State state,
            String bundleSha256,
            String signer,
            String replicaUrl,
            String detail,
            java.time.Instant startedAt,
            java.time.Instant finishedAt) {}

    private final JdbcClient jdbc;

    public BundleTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID start(TenantCode tenant, Direction direction, String bundleSha256, String signer, String replicaUrl) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into platform.tenant_transfer (id, tenant_code, direction, state, bundle_sha256, signer_fingerprint,
                    replica_url, started_at) values (?, ?, ?, 'RUNNING', ?, ?, ?, now())""")
                .param(id)
                .param(tenant.value())
                .param(direction.name())
                .param(bundleSha256)
                .param(signer)
                .param(replicaUrl)
                .update();
        return id;
    }

    public void finish(UUID id, State state, String detail) {
        jdbc.sql("update platform.tenant_transfer set state = ?, detail = ?, finished_at = now() where id = ?")
                .param(state.name())
                .param(detail)
                .param(id)
                .update();
    }

    public void recordBundle(UUID id, String bundleSha256, String signer) {
        jdbc.sql("update platform.tenant_transfer set bundle_sha256 = ?, signer_fingerprint = ? where id = ?")
                .param(bundleSha256)
                .param(signer)
                .param(id)
                .update();
    }

    /** The tenant's latest transfer in that direction, if any. */
    public Optional<Transfer> latest(TenantCode tenant, Direction direction) {
        return jdbc.sql("""
                select id, tenant_code, direction, state, bundle_sha256, signer_fingerprint, replica_url, detail, started_at,
                    finished_at from platform.tenant_transfer where tenant_code = ? and direction = ?
                order by started_at desc limit 1""")
                .param(tenant.value())
                .param(direction.name())
                .query((rs, row) -> new Transfer(
                        rs.getObject("id", UUID.class),
                        rs.getString("tenant_code"),
                        Direction.valueOf(rs.getString("direction")),
                        State.valueOf(rs.getString("state")),
                        rs.getString("bundle_sha256"),
                        rs.getString("signer_fingerprint"),
                        rs.getString("replica_url"),
                        rs.getString("detail"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }
}
