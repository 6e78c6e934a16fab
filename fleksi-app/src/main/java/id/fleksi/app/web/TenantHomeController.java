package id.fleksi.app.web;

import id.fleksi.platform.modules.HomeNotices;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.TenantGate;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A tenant user's home page: how the day stands and what waits for the person, counted, from each module that is on
 * ({@link HomeNotices}), then who they are, in which pemda. The one page that admits its caller itself (the tenant
 * interceptor leaves it out): someone logged in elsewhere is sent to this tenant's login instead of being refused.
 */
@PageController
class TenantHomeController {

    private final TenantGate gate;
    private final TenantMenu menu;
    private final List<HomeNotices> notices;
    private final ModuleSwitches switches;
    private final EmployeeRepository employees;

    TenantHomeController(
            TenantGate gate,
            TenantMenu menu,
            List<HomeNotices> notices,
            ModuleSwitches switches,
            EmployeeRepository employees) {
        this.gate = gate;
        this.menu = menu;
        this.notices = notices;
        this.switches = switches;
        this.employees = employees;
    }

    /** A line of the page: the notice's text in the reader's language and its link. */
    record Line(String text, String href, boolean waiting) {}

    @GetMapping({"/t/{code}", "/t/{code}/"})
    String home(@PathVariable String code, Caller caller, Model model, java.util.Locale locale) {
        Tenant tenant = gate.serving(code);
        if (caller == null || !tenant.realm().equals(caller.realm())) {
            // Logged in elsewhere (another tenant, or the platform): log in again with this tenant's realm.
            return "redirect:/oauth2/authorization/" + tenant.realm();
        }
        gate.admit(code, caller);
        // In the catalog's order (a module after those it needs), so the lines stand the same way every time.
        List<String> on = switches.states(tenant.code()).stream()
                .filter(ModuleSwitches.ModuleState::enabled)
                .map(state -> state.module().id())
                .toList();
        List<Line> lines = TenantContext.callAs(
                tenant.code(),
                () -> notices.stream()
                        .filter(source -> on.contains(source.moduleId()))
                        .sorted(java.util.Comparator.comparingInt(source -> on.indexOf(source.moduleId())))
                        .flatMap(source -> source.of(tenant, caller).stream())
                        .map(notice -> new Line(
                                notice.text().in(locale),
                                "/t/" + tenant.code() + "/" + notice.path(),
                                notice.waiting()))
                        .toList());
        model.addAttribute("tenant", tenant);
        model.addAttribute("caller", caller);
        model.addAttribute(
                "name",
                TenantContext.callAs(
                        tenant.code(),
                        () -> employees
                                .findByUsername(caller.username())
                                .map(Employee::name)
                                .orElse(caller.username())));
        model.addAttribute("waiting", lines.stream().filter(Line::waiting).toList());
        model.addAttribute(
                "today", lines.stream().filter(line -> !line.waiting()).toList());
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        return "tenant/home";
    }
}
