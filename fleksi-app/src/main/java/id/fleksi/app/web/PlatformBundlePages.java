package id.fleksi.app.web;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.InvalidTenantCodeException;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.bundle.BundleJobs;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantHandover;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's side of moving tenants: export, hand over, cancel or confirm a handover, import a bundle (sent by the
 * page's script as the request body, since a bundle is far larger than any form upload Fleksi takes), download a
 * bundle, and this instance's signing key. The jobs and their progress are listed on the console page.
 */
@Controller
class PlatformBundlePages {

    private final BundleJobs jobs;
    private final InstanceKeys keys;
    private final TenantHandover handover;
    private final IdentityProperties identity;

    PlatformBundlePages(BundleJobs jobs, InstanceKeys keys, TenantHandover handover, IdentityProperties identity) {
        this.jobs = jobs;
        this.keys = keys;
        this.handover = handover;
        this.identity = identity;
    }

    @PostMapping("/platform/tenants/{code}/export")
    String export(
            @PathVariable String code,
            @RequestParam(required = false) String passphrase,
            Authentication authentication,
            RedirectAttributes redirect) {
        requireOperator(authentication);
        return refusalShown(
                redirect, () -> jobs.startExport(TenantCode.of(code), BundleJobs.newPassphrase(passphrase)));
    }

    @PostMapping("/platform/tenants/{code}/handover")
    String handOver(
            @PathVariable String code,
            @RequestParam String replicaUrl,
            @RequestParam(required = false) String passphrase,
            Authentication authentication,
            RedirectAttributes redirect) {
        requireOperator(authentication);
        return refusalShown(
                redirect,
                () -> jobs.startHandover(TenantCode.of(code), replicaUrl, BundleJobs.newPassphrase(passphrase)));
    }

    @PostMapping("/platform/tenants/{code}/handover/{decision:cancel|confirm}")
    String decide(
            @PathVariable String code,
            @PathVariable String decision,
            Authentication authentication,
            RedirectAttributes redirect) {
        requireOperator(authentication);
        return refusalShown(redirect, () -> {
            var tenant = decision.equals("cancel")
                    ? handover.cancel(TenantCode.of(code))
                    : handover.confirm(TenantCode.of(code));
            redirect.addFlashAttribute("message", tenant.code() + ": " + tenant.status());
            return null;
        });
    }

    /** The page's script sends the file as the body; the answer is the job, whose progress the console shows. */
    @PostMapping(path = "/platform/bundle-imports", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseBody
    BundleJobs.Job importBundle(
            InputStream body,
            @RequestParam(required = false) String signedBy,
            @RequestHeader(name = "X-Bundle-Passphrase", required = false) String passphrase,
            Authentication authentication) {
        requireOperator(authentication);
        String trusted = signedBy == null || signedBy.isBlank() ? null : signedBy.strip();
        return jobs.startImport(body, trusted, passphrase);
    }

    @GetMapping("/platform/bundle-jobs/{id}/bundle")
    ResponseEntity<FileSystemResource> download(@PathVariable UUID id, Authentication authentication) {
        requireOperator(authentication);
        BundleJobs.Job job = jobs.find(id)
                .orElseThrow(() -> Problem.notFound(
                                "unknown-bundle-job", "No such job", "There is no job " + id + " on this replica.")
                        .values(id.toString()));
        Path file = jobs.bundle(id)
                .orElseThrow(() -> Problem.conflict(
                                "bundle-not-ready", "No bundle (yet)", "Job " + id + " has no bundle to download.")
                        .values(id.toString()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + job.tenant() + ".fleksi-bundle\"")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(file));
    }

    @GetMapping(path = "/platform/instance-key.pem", produces = "application/x-pem-file")
    @ResponseBody
    String instanceKey(Authentication authentication) {
        requireOperator(authentication);
        return BundleSignatures.toPem(keys.publicKey());
    }

    private interface Action {
        Object run();
    }

    private static String refusalShown(RedirectAttributes redirect, Action action) {
        try {
            action.run();
        } catch (Problem | InvalidTenantCodeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/platform/#error"; // the refusal is at the top of the page: in view, not scrolled past
        }
        return "redirect:/platform/#bundles";
    }

    private void requireOperator(Authentication authentication) {
        Caller caller = Caller.of(authentication, identity);
        if (caller == null
                || !identity.platformRealm().equals(caller.realm())
                || !caller.hasRole(Role.PLATFORM_OPERATOR)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only a platform operator may move tenants.")
                    .variant("platform");
        }
    }
}
