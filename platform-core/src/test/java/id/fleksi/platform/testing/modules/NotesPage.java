package id.fleksi.platform.testing.modules;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.PageController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The notes module's page; gone (404) while the module is off for the tenant. A page handler as a new module writes
 * one: no tenant code of its own, the admitted tenant and the caller as parameters, the tenant already set.
 */
@PageController
class NotesPage {

    private static final Logger log = LoggerFactory.getLogger(NotesPage.class);

    @GetMapping("/t/{code}/notes/")
    @ResponseBody
    String page(Tenant tenant, Caller caller) {
        log.info("notes page shown to {}", caller.username());
        return "<h1 id=\"notes\">Catatan</h1><p id=\"who\">" + caller.username() + " in " + tenant.code()
                + ", working in " + TenantContext.require() + "</p>";
    }
}
