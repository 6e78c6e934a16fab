package id.fleksi.modules.evaluation.exports.internal;

import id.fleksi.modules.evaluation.exports.ExportClients;
import id.fleksi.platform.security.ApiClients;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tenant admin's page of clients for other systems: the list, a form to make one (the answer shows its secret, once,
 * on a page no browser or proxy keeps), and a button to remove each.
 */
@PageController
class ExportClientPage {

    private final ExportClients clients;

    ExportClientPage(ExportClients clients) {
        this.clients = clients;
    }

    @GetMapping("/t/{code}/evaluation/export-clients")
    String page(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String done, Model model) {
        return show(tenant, caller, null, done, model);
    }

    @PostMapping("/t/{code}/evaluation/export-clients")
    String create(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String name,
            Model model,
            HttpServletResponse response) {
        ApiClients.Issued issued = clients.create(tenant, caller, name);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return show(tenant, caller, issued, null, model);
    }

    @PostMapping("/t/{code}/evaluation/export-clients/{clientId}/delete")
    String delete(Tenant tenant, Caller caller, @PathVariable String clientId) {
        clients.delete(tenant, caller, clientId);
        return "redirect:/t/" + tenant.code().value() + "/evaluation/export-clients?done=deleted";
    }

    private String show(
            Tenant tenant, Caller caller, ApiClients.@Nullable Issued issued, @Nullable String done, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("clients", clients.list(tenant, caller));
        model.addAttribute("issued", issued);
        model.addAttribute("deleted", "deleted".equals(done));
        return "evaluation/export-clients";
    }
}
