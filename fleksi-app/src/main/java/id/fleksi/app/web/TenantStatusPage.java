package id.fleksi.app.web;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.TenantGate;
import id.fleksi.provisioning.bundle.TenantHandover;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a visitor of a pemda's pages lands when that pemda cannot be logged in to here (the login step sends them): a
 * page in their language saying why (unknown, suspended, being set up, moved) and what to do. For a pemda that moved to
 * its own server, the new address, so an ASN with an old bookmark finds the way. Nobody needs to be logged in to read it.
 */
@PageController
class TenantStatusPage {

    private final TenantGate gate;
    private final TenantRegistry registry;
    private final TenantHandover handover;

    TenantStatusPage(TenantGate gate, TenantRegistry registry, TenantHandover handover) {
        this.gate = gate;
        this.registry = registry;
        this.handover = handover;
    }

    @GetMapping("/tenants/{code}")
    String status(@PathVariable String code) {
        Tenant tenant;
        try {
            tenant = gate.serving(code);
        } catch (Problem problem) {
            registry.find(TenantRegistry.codeInPath(code))
                    .filter(t -> t.status() == TenantStatus.HANDED_OVER)
                    .flatMap(t -> handover.handover(t.code()))
                    .filter(h -> h.replicaUrl() != null)
                    .ifPresent(
                            h -> problem.with("newAddress", h.replicaUrl().replaceAll("/+$", "") + "/t/" + code + "/"));
            throw problem;
        }
        if (tenant.status() != TenantStatus.ACTIVE) { // being handed over: those logged in read on, nobody new logs in
            throw Problem.unavailable(
                            "tenant-moving",
                            "Tenant moving",
                            "Tenant '" + code + "' is being moved to its own"
                                    + " server; nobody can log in until the move is done. Your Diskominfo will tell you the new address.")
                    .variant("login", code)
                    .with("retryAfterSeconds", 600);
        }
        return "redirect:/t/" + tenant.code() + "/"; // served again (a move cancelled, say): log in as usual
    }
}
