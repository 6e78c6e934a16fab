package id.fleksi.provisioning.api;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.bundle.BundleJobs;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantHandover;
import id.fleksi.provisioning.feed.ReplicaKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving tenants between Fleksi instances through the API (docs/self-hosting.md): exports, handovers and imports run as
 * jobs whose progress is asked for; a bundle is downloaded from its job. Role {@code platform-operator}.
 */
@RestController
@RequestMapping("/api/v1/platform")
@Tag(name = "Platform: tenant bundles", description = "Export, import and hand over tenants; role platform-operator")
class PlatformBundleController {

    private final BundleJobs jobs;
    private final InstanceKeys keys;
    private final TenantHandover handover;
    private final ReplicaKeys replicaKeys;

    PlatformBundleController(BundleJobs jobs, InstanceKeys keys, TenantHandover handover, ReplicaKeys replicaKeys) {
        this.replicaKeys = replicaKeys;
        this.jobs = jobs;
        this.keys = keys;
        this.handover = handover;
    }

    /** This instance's signing key: what the importing operator is given, out of band. */
    record InstanceKey(String publicKeyPem, String fingerprint) {}

    /** An export: a passphrase encrypts the bundle (OpenPGP; gpg opens it too). */
    record ExportRequest(String passphrase) {}

    record HandoverRequest(String replicaUrl, String passphrase) {}

    /** The replica's own instance key (PEM), whose signature its daily feed will carry; optional. */
    record Confirmation(String replicaKey) {}

    @Operation(operationId = "instanceKey", summary = "This instance's bundle-signing public key and its fingerprint")
    @GetMapping("/instance-key")
    InstanceKey instanceKey() {
        var key = keys.publicKey();
        return new InstanceKey(BundleSignatures.toPem(key), BundleSignatures.fingerprint(key));
    }

    @Operation(
            operationId = "exportTenant",
            summary = "Export a tenant's bundle (a job)",
            description =
                    "One snapshot of the tenant's schema, its realm with users and password hashes, its registry facts;"
                            + " signed. Answers 202 with the job; its bundle is downloaded from the job when it is done.")
    @PostMapping("/tenants/{code}/export")
    ResponseEntity<BundleJobs.Job> export(
            @PathVariable String code, @RequestBody(required = false) ExportRequest request) {
        var tenant = TenantRegistry.codeInPath(code);
        return accepted(
                jobs.startExport(tenant, BundleJobs.newPassphrase(request == null ? null : request.passphrase())));
    }

    @Operation(
            operationId = "handOverTenant",
            summary = "Hand a tenant over to its own server (a job)",
            description = "Stops writes (users are told), exports the bundle, and marks the tenant HANDED_OVER with the"
                    + " replica's address. Cancel before the kabupaten confirms to bring it back as it was.")
    @PostMapping("/tenants/{code}/handover")
    ResponseEntity<BundleJobs.Job> handOver(@PathVariable String code, @RequestBody HandoverRequest request) {
        var tenant = TenantRegistry.codeInPath(code);
        return accepted(
                jobs.startHandover(tenant, request.replicaUrl(), BundleJobs.newPassphrase(request.passphrase())));
    }

    @Operation(operationId = "cancelHandover", summary = "Cancel a handover the kabupaten has not confirmed")
    @PostMapping("/tenants/{code}/handover/cancel")
    TenantView cancelHandover(@PathVariable String code) {
        return TenantView.of(handover.cancel(TenantRegistry.codeInPath(code)));
    }

    @Operation(
            operationId = "confirmHandover",
            summary = "Record that the kabupaten runs the tenant on its own server",
            description =
                    "With replicaKey (the replica's instance key, PEM), its daily feed is accepted (docs/feed.md).")
    @PostMapping("/tenants/{code}/handover/confirm")
    TenantView confirmHandover(@PathVariable String code, @RequestBody(required = false) Confirmation confirmation) {
        var tenant = TenantRegistry.codeInPath(code);
        java.security.PublicKey key = null;
        if (confirmation != null
                && confirmation.replicaKey() != null
                && !confirmation.replicaKey().isBlank()) {
            try {
                key = BundleSignatures.readPem(confirmation.replicaKey());
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(
                        "invalid-replica-key",
                        "Not a replica key",
                        "replicaKey: " + e.getMessage()
                                + " (as 'fleksi tenant key' prints it on the replica). Nothing was changed.");
            }
        }
        var confirmed = handover.confirm(tenant);
        if (key != null) {
            replicaKeys.register(tenant, key);
        }
        return TenantView.of(confirmed);
    }

    @Operation(
            operationId = "importTenant",
            summary = "Import a tenant's bundle (a job)",
            description =
                    "The body is the bundle file. signedBy: the fingerprint (SHA256:...) of the exporting instance's"
                            + " key as its operator sent it; a bundle signed by any other key is refused. An encrypted bundle's"
                            + " passphrase goes in the X-Bundle-Passphrase header. Checked whole before anything is written.")
    @PostMapping(path = "/bundle-imports", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<BundleJobs.Job> importBundle(
            InputStream body,
            @RequestParam(required = false) String signedBy,
            @RequestHeader(name = "X-Bundle-Passphrase", required = false) String passphrase) {
        if (signedBy != null && !signedBy.matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw Problem.badRequest(
                    "invalid-fingerprint",
                    "Not a key fingerprint",
                    "signedBy: give the fingerprint the"
                            + " exporting operator sent, e.g. SHA256:q1w2e3... (as 'fleksi tenant key' prints it). Nothing was written.");
        }
        return accepted(jobs.startImport(body, signedBy, passphrase));
    }

    @Operation(operationId = "listBundleJobs", summary = "Recent export, handover and import jobs of this replica")
    @GetMapping("/bundle-jobs")
    List<BundleJobs.Job> recent() {
        return jobs.recent();
    }

    @Operation(operationId = "bundleJob", summary = "A job's state and progress, line by line")
    @GetMapping("/bundle-jobs/{id}")
    BundleJobs.Job job(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> noJob(id));
    }

    @Operation(operationId = "downloadBundle", summary = "The bundle an export or handover job wrote")
    @GetMapping(path = "/bundle-jobs/{id}/bundle", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<FileSystemResource> download(@PathVariable UUID id) {
        BundleJobs.Job job = job(id);
        Path file = jobs.bundle(id)
                .orElseThrow(() -> Problem.conflict(
                        "bundle-not-ready",
                        "No bundle (yet)",
                        "Job " + id + " has no bundle to download: it is "
                                + job.state().name().toLowerCase()
                                + (job.kind() == BundleJobs.Kind.IMPORT ? " and an import writes none" : "") + "."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + job.tenant() + ".fleksi-bundle\"")
                .header("X-Bundle-Sha256", job.bundleSha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(file));
    }

    @Operation(operationId = "removeBundleJob", summary = "Remove a finished job and its bundle file")
    @DeleteMapping("/bundle-jobs/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        if (!jobs.remove(id)) {
            throw noJob(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<BundleJobs.Job> accepted(BundleJobs.Job job) {
        return ResponseEntity.accepted()
                .header(HttpHeaders.LOCATION, "/api/v1/platform/bundle-jobs/" + job.id())
                .body(job);
    }

    private static Problem noJob(UUID id) {
        return Problem.notFound(
                "unknown-bundle-job",
                "No such job",
                "There is no job " + id + " on this replica (jobs are"
                        + " kept in the memory of the replica that ran them).");
    }
}
