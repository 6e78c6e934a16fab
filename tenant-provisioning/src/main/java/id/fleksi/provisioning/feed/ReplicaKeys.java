package id.fleksi.provisioning.feed;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.BundleTransfers;
import id.fleksi.provisioning.bundle.TenantHandover;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the province: the key each self-hosted replica signs its daily feed with, one per handed-over tenant, in
 * {@code platform.feed_replica_key}. The kabupaten's officer prints it on the replica ({@code fleksi tenant key}) and sends
 * it out of band; the province's operator registers it when confirming the handover
 * ({@code fleksi tenant handover-confirm CODE --replica-key FILE}), and again to replace it.
 */
@Component
public class ReplicaKeys {

    private final JdbcClient jdbc;
    private final TenantRegistry registry;
    private final TenantHandover handovers;

    ReplicaKeys(JdbcClient jdbc, TenantRegistry registry, TenantHandover handovers) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.handovers = handovers;
    }

    /**
     * Trusts {@code key} for the tenant's feed from now on, in place of any key before it. Only for a tenant handed over
     * from here: one whose handover is waiting for confirmation or confirmed.
     *
     * @return the key's fingerprint, for the two operators to compare
     */
    public String register(TenantCode code, PublicKey key) {
        Tenant tenant = registry.require(code);
        if (!handedOver(tenant)) {
            throw Problem.conflict(
                            "not-handed-over",
                            "Not a self-hosted tenant",
                            "Tenant '" + code + "' was not handed over"
                                    + " from this Fleksi to a server of its own, so no replica sends figures for it. Nothing was changed.")
                    .values(code);
        }
        String fingerprint = BundleSignatures.fingerprint(key);
        jdbc.sql("""
                insert into platform.feed_replica_key (tenant_code, public_key, fingerprint, registered_at) values (?, ?, ?, now())
                on conflict (tenant_code) do update set public_key = excluded.public_key, fingerprint = excluded.fingerprint,
                    registered_at = excluded.registered_at""")
                .param(code.value())
                .param(key.getEncoded())
                .param(fingerprint)
                .update();
        return fingerprint;
    }

    /**
     * The key registered for the tenant's replica, if the tenant lives on one now and the key was registered for this
     * handover: one registered before a handover that was cancelled belongs to a replica that never took the tenant.
     */
    public Optional<PublicKey> of(Tenant tenant) {
        if (!handedOver(tenant)) {
            return Optional.empty();
        }
        Instant handedOverAt = handovers.handover(tenant.code()).orElseThrow().startedAt();
        return jdbc.sql("select public_key from platform.feed_replica_key where tenant_code = ? and registered_at >= ?")
                .param(tenant.code().value())
                .param(Timestamp.from(handedOverAt))
                .query(byte[].class)
                .optional()
                .map(BundleSignatures::publicKey);
    }

    /**
     * Handed over from here and not taken back: {@code HANDED_OVER}, or archived after the kabupaten confirmed its replica
     * runs (the province archives its copy then, and still wants the figures).
     */
    public boolean handedOver(Tenant tenant) {
        BundleTransfers.Transfer handover = handovers.handover(tenant.code()).orElse(null);
        if (handover == null) {
            return false;
        }
        return switch (tenant.status()) {
            case HANDED_OVER ->
                handover.state() == BundleTransfers.State.RUNNING || handover.state() == BundleTransfers.State.DONE;
            case ARCHIVED -> handover.state() == BundleTransfers.State.DONE;
            default -> false;
        };
    }
}
