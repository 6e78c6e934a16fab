package id.fleksi.provisioning.bundle;

import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Takes an import of a tenant back out: what a failed one made, or the remains a crashed one left. */
final class ImportRollback {

    // Its lines are the import's: an operator follows one logger through an import and its undoing.
    private static final Logger log = LoggerFactory.getLogger(TenantImport.class);

    private final TenantRegistry registry;
    private final RealmProvisioner realms;
    private final JdbcClient jdbc;
    private final BundleTransfers transfers;

    ImportRollback(TenantRegistry registry, RealmProvisioner realms, JdbcClient jdbc, BundleTransfers transfers) {
        this.registry = registry;
        this.realms = realms;
        this.jdbc = jdbc;
        this.transfers = transfers;
    }

    /**
     * An import that crashed (the process killed, the machine down) left its registry row PROVISIONING and maybe a realm
     * and a schema; this import holds the tenant's lock, so that one is not running any more: its remains are removed.
     */
    void cleanUpInterrupted(TenantCode code) {
        Tenant existing = registry.find(code).orElse(null);
        var last = transfers.latest(code, BundleTransfers.Direction.IMPORT).orElse(null);
        if (existing == null
                || existing.status() != TenantStatus.PROVISIONING
                || last == null
                || last.state() != BundleTransfers.State.RUNNING) {
            return;
        }
        log.warn("Removing the remains of an interrupted import of {} (started {})", code, last.startedAt());
        undo(code, true);
        transfers.finish(
                last.id(), BundleTransfers.State.FAILED, "interrupted; its remains were removed by the next import");
    }

    void undo(TenantCode code, boolean realmMade) {
        if (realmMade) {
            try {
                realms.deleteRealm(code.realmName());
            } catch (RuntimeException e) {
                log.error(
                        "Could not remove realm {} while rolling back an import; the next import of {} removes it",
                        code.realmName(),
                        code,
                        e);
            }
        }
        jdbc.sql("drop schema if exists " + code.schemaName() + " cascade").update();
        jdbc.sql("delete from platform.module_availability where tenant_code = ?")
                .param(code.value())
                .update();
        registry.delete(code);
    }
}
