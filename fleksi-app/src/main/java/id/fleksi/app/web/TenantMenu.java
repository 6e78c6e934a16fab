package id.fleksi.app.web;

import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The menu of a tenant's pages: the entries of the modules that are on, for the caller's roles. */
@Component
class TenantMenu {

    private final ModuleSwitches switches;

    TenantMenu(ModuleSwitches switches) {
        this.switches = switches;
    }

    record Link(String href, String label) {}

    List<Link> linksFor(TenantCode tenant, Caller caller, Locale locale) {
        List<Link> links = new java.util.ArrayList<>();
        for (ModuleSwitches.ModuleState state : switches.states(tenant)) {
            if (!state.enabled()) {
                continue;
            }
            for (MenuEntry entry : state.module().menu()) {
                if (entry.visibleTo(caller)) {
                    links.add(new Link(
                            "/t/" + tenant + "/" + entry.path(), entry.label().in(locale)));
                }
            }
        }
        if (caller.hasRole(Role.TENANT_ADMIN) || caller.hasRole(Role.BKD)) {
            links.add(new Link(
                    "/t/" + tenant + "/admin/employees", "en".equals(locale.getLanguage()) ? "Employees" : "Pegawai"));
            links.add(new Link(
                    "/t/" + tenant + "/admin/offices",
                    "en".equals(locale.getLanguage()) ? "Offices & geofences" : "Kantor & geofence"));
            links.add(new Link(
                    "/t/" + tenant + "/admin/calendar",
                    "en".equals(locale.getLanguage()) ? "Holidays & working hours" : "Hari libur & jam kerja"));
            links.add(new Link(
                    "/t/" + tenant + "/admin/audit",
                    "en".equals(locale.getLanguage()) ? "Audit trail" : "Jejak audit"));
        }
        if (caller.hasRole(Role.TENANT_ADMIN)) {
            links.add(new Link(
                    "/t/" + tenant + "/admin/modules", "en".equals(locale.getLanguage()) ? "Modules" : "Modul"));
        }
        return links;
    }
}
