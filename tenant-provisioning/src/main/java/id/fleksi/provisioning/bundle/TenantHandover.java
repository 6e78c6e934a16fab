package id.fleksi.provisioning.bundle;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import java.io.OutputStream;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Hands a tenant over to the kabupaten's own server, on the province's side: writes stop (its users can still read,
 * and are told why they cannot change anything), the bundle is exported, and the tenant is {@code HANDED_OVER} with the
 * replica's address and the bundle's hash on record. Its data stays here until the operator archives it. Until the
 * kabupaten confirms the replica runs, the province can cancel, and the tenant is back in service as it was.
 */
@Service
public class TenantHandover {

    private final TenantRegistry registry;
    private final TenantExport export;
    private final BundleTransfers transfers;

    public TenantHandover(TenantRegistry registry, TenantExport export, BundleTransfers transfers) {
        this.registry = registry;
        this.export = export;
        this.transfers = transfers;
    }

    /**
     * Stops writes, exports the bundle to {@code target} and marks the tenant handed over. If the export fails the tenant
     * is back in service at once.
     */
    public TenantExport.Exported handOver(
            TenantCode code, String replicaUrl, OutputStream target, char[] passphrase, Consumer<String> progress) {
        Tenant tenant = find(code);
        if (tenant.status() != TenantStatus.ACTIVE) {
            throw Problem.conflict(
                            "invalid-transition",
                            "Cannot hand over this tenant",
                            "Tenant '" + code + "' is " + tenant.status().words()
                                    + "; only an active tenant is handed over. Nothing was changed.")
                    .values(code);
        }
        if (replicaUrl == null || !replicaUrl.matches("https?://[^\\s]{1,490}")) {
            throw Problem.badRequest(
                    "invalid-replica-url",
                    "Where does the tenant go?",
                    "Give the address of the kabupaten's"
                            + " Fleksi, e.g. https://fleksi.mamujutengahkab.go.id. Nothing was changed.");
        }
        registry.setStatus(code, TenantStatus.HANDING_OVER);
        UUID transfer = transfers.start(code, BundleTransfers.Direction.HANDOVER, null, null, replicaUrl);
        progress.accept(code + " is read-only now: its users are told it is moving");
        try {
            TenantExport.Exported exported = export.export(code, target, passphrase, progress);
            transfers.recordBundle(transfer, exported.bundleSha256(), exported.signerFingerprint());
            registry.setStatus(code, TenantStatus.HANDED_OVER);
            progress.accept(code + " is handed over to " + replicaUrl + "; its data stays here until you archive it."
                    + " Until the kabupaten confirms, 'fleksi tenant handover-cancel " + code + "' brings it back");
            return exported;
        } catch (RuntimeException e) {
            registry.setStatus(code, TenantStatus.ACTIVE);
            transfers.finish(transfer, BundleTransfers.State.FAILED, e.getMessage());
            throw e;
        }
    }

    /** Back in service as it was: the handover had not been confirmed. */
    public Tenant cancel(TenantCode code) {
        Tenant tenant = find(code);
        BundleTransfers.Transfer handover = pending(tenant);
        registry.setStatus(code, TenantStatus.ACTIVE);
        transfers.finish(handover.id(), BundleTransfers.State.CANCELLED, "cancelled by the province's operator");
        return find(code);
    }

    /** The kabupaten runs the tenant now: the handover is final, and the operator may archive the data here. */
    public Tenant confirm(TenantCode code) {
        Tenant tenant = find(code);
        BundleTransfers.Transfer handover = pending(tenant);
        transfers.finish(
                handover.id(), BundleTransfers.State.DONE, "confirmed: the tenant runs at " + handover.replicaUrl());
        return find(code);
    }

    /** Where a handed-over tenant went, if it was handed over. */
    public java.util.Optional<BundleTransfers.Transfer> handover(TenantCode code) {
        return transfers.latest(code, BundleTransfers.Direction.HANDOVER);
    }

    private BundleTransfers.Transfer pending(Tenant tenant) {
        BundleTransfers.Transfer handover = transfers
                .latest(tenant.code(), BundleTransfers.Direction.HANDOVER)
                .orElse(null);
        if (tenant.status() != TenantStatus.HANDED_OVER
                || handover == null
                || handover.state() != BundleTransfers.State.RUNNING) {
            throw Problem.conflict(
                            "no-pending-handover",
                            "No handover to decide",
                            "Tenant '" + tenant.code() + "' has no" + " handover waiting for confirmation (it is "
                                    + tenant.status().words() + "). Nothing was changed.")
                    .values(tenant.code());
        }
        return handover;
    }

    private Tenant find(TenantCode code) {
        return registry.require(code);
    }
}
