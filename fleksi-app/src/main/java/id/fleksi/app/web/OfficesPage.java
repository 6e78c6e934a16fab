package id.fleksi.app.web;

import id.fleksi.platform.organisation.MapTiles;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.security.SecurityConfiguration;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.PageForms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The offices and their geofences, for the tenant admin and BKD: the list, a form to add one and one to change one.
 * Coordinates and radius are typed (the form works without a map and without JavaScript); where the tenant has set a
 * tile server, a map from the app's own Leaflet places the point and shows the radius.
 */
@PageController
class OfficesPage {

    private final Offices offices;
    private final MapTiles tiles;
    private final TenantMenu menu;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final PageForms forms;
    private final IdentityProperties identity;

    OfficesPage(
            Offices offices,
            MapTiles tiles,
            TenantMenu menu,
            JdbcClient jdbc,
            MessageSource messages,
            PageForms forms,
            IdentityProperties identity) {
        this.offices = offices;
        this.tiles = tiles;
        this.menu = menu;
        this.jdbc = jdbc;
        this.messages = messages;
        this.forms = forms;
        this.identity = identity;
    }

    @GetMapping({"/t/{code}/admin/offices", "/t/{code}/admin/offices/"})
    String list(Tenant tenant, Caller caller, Model model, Locale locale, HttpServletResponse response) {
        allowed(caller);
        return page(tenant, caller, model, locale, response, null, OfficeForm.empty(), Map.of());
    }

    @GetMapping("/t/{code}/admin/offices/{id}")
    String edit(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        allowed(caller);
        return page(
                tenant, caller, model, locale, response, offices.find(id), OfficeForm.of(offices.find(id)), Map.of());
    }

    @PostMapping("/t/{code}/admin/offices")
    String add(
            Tenant tenant,
            Caller caller,
            @ModelAttribute OfficeForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        allowed(caller);
        Map<String, String> problems = form.problems(messages, locale);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(tenant, caller, model, locale, response, null, form, problems);
        }
        return forms.redirect(
                redirect,
                "redirect:/t/" + tenant.code() + "/admin/offices",
                "added",
                () -> offices.add(form.toOffice(), caller.username()));
    }

    @PostMapping("/t/{code}/admin/offices/{id}")
    String change(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @ModelAttribute OfficeForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        allowed(caller);
        Offices.Office office = offices.find(id);
        Map<String, String> problems = form.problems(messages, locale);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(tenant, caller, model, locale, response, office, form, problems);
        }
        return forms.redirect(
                redirect,
                "redirect:/t/" + tenant.code() + "/admin/offices",
                "changed",
                () -> offices.update(id, form.toOffice(), caller.username()));
    }

    /** The tile server the map draws from; only the tenant admin sets it. */
    @PostMapping("/t/{code}/admin/offices/map")
    String map(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) String urlTemplate,
            @RequestParam(required = false) String attribution,
            RedirectAttributes redirect) {
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only a tenant admin sets the map's tile server.")
                    .variant("map");
        }
        return forms.redirect(redirect, "redirect:/t/" + tenant.code() + "/admin/offices", "map", () -> {
            tiles.set(urlTemplate, attribution, caller.username());
            return null;
        });
    }

    private String page(
            Tenant tenant,
            Caller caller,
            Model model,
            Locale locale,
            HttpServletResponse response,
            Offices.Office editing,
            OfficeForm form,
            Map<String, String> problems) {
        List<Map<String, Object>> units = jdbc.sql(
                        TenantSql.in(tenant.code(), "select id, code, name from {org_unit} order by code"))
                .query()
                .listOfRows();
        Map<UUID, String> unitNames = new java.util.HashMap<>();
        units.forEach(u -> unitNames.put((UUID) u.get("id"), (String) u.get("name")));
        var server = tiles.server();
        // The tenant's tile server may serve this page's images: its origin joins img-src here, and nowhere else.
        server.ifPresent(s -> response.setHeader(
                "Content-Security-Policy", SecurityConfiguration.contentSecurityPolicy(identity, s.origin())));
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        List<Offices.Office> all = offices.list();
        Map<UUID, String> officeUnits = new java.util.HashMap<>();
        all.forEach(o -> officeUnits.put(
                o.id(),
                String.join(
                        ", ", o.unitIds().stream().map(unitNames::get).sorted().toList())));
        model.addAttribute("offices", all);
        model.addAttribute("officeUnits", officeUnits);
        model.addAttribute("units", units);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("tiles", server.orElse(null));
        model.addAttribute("admin", caller.hasRole(Role.TENANT_ADMIN));
        model.addAttribute("bounds", new double[] {
            Offices.MIN_LATITUDE,
            Offices.MAX_LATITUDE,
            Offices.MIN_LONGITUDE,
            Offices.MAX_LONGITUDE,
            Offices.MIN_RADIUS_METRES,
            Offices.MAX_RADIUS_METRES
        });
        return "tenant/offices";
    }

    static void allowed(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN) && !caller.hasRole(Role.BKD)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only BKD or a tenant admin manage offices.")
                    .variant("offices");
        }
    }
}
