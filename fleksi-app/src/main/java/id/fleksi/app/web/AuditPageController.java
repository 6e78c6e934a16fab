package id.fleksi.app.web;

import id.fleksi.platform.audit.AuditEvent;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's audit trail for its admin and BKD: who changed what and when, newest first, by kind and by actor, each
 * change shown field by field (before → after) with people and units by name rather than by id.
 */
@PageController
class AuditPageController {

    static final int PAGE_SIZE = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    /** One event as the page shows it. */
    record Shown(long id, String when, String actor, String action, String target, List<Change> changes) {}

    /** One field of an event, before and after ("–" where there was nothing). */
    record Change(String field, String before, String after) {}

    private final TenantMenu menu;
    private final AuditLog audit;
    private final EmployeeRepository employees;
    private final OrgUnitRepository units;
    private final MessageSource messages;
    private final ModuleSwitches switches;

    AuditPageController(
            TenantMenu menu,
            AuditLog audit,
            EmployeeRepository employees,
            OrgUnitRepository units,
            MessageSource messages,
            ModuleSwitches switches) {
        this.switches = switches;
        this.menu = menu;
        this.audit = audit;
        this.employees = employees;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/t/{code}/admin/audit")
    String page(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            Locale locale) {
        if (!caller.hasRole(Role.TENANT_ADMIN) && !caller.hasRole(Role.BKD)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only BKD or a tenant admin read the audit trail.")
                    .variant("audit");
        }
        String k = kind == null || kind.isBlank() ? null : kind.strip();
        String a = actor == null || actor.isBlank() ? null : actor.strip();
        AuditLog.Page result =
                audit.page(tenant.code(), k, a, page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1, PAGE_SIZE);
        Map<String, String> names = names(result.events());
        Map<String, String> moduleNames = new HashMap<>();
        Map<String, Map<String, String>> settingLabels = new HashMap<>();
        for (ModuleSwitches.ModuleState state : switches.states(tenant.code())) {
            String id = state.module().id();
            moduleNames.put(id, state.module().name().in(locale));
            settingLabels.put(id, new HashMap<>());
            state.module()
                    .settings()
                    .forEach(s -> settingLabels.get(id).put(s.key(), s.label().in(locale)));
        }
        ZoneId zone = tenant.timeZone().zone();
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("kind", k == null ? "" : k);
        model.addAttribute("actor", a == null ? "" : a);
        model.addAttribute(
                "kinds",
                audit.kinds(tenant.code()).stream()
                        .map(x -> Map.entry(x, messages.getMessage("audit.kind." + x, null, x, locale)))
                        .toList());
        model.addAttribute("actors", audit.actors(tenant.code()));
        model.addAttribute("result", result);
        model.addAttribute(
                "events",
                result.events().stream()
                        .map(e -> new Shown(
                                e.id(),
                                WHEN.withLocale(locale).format(e.at().atZone(zone)),
                                e.actor(),
                                messages.getMessage("audit.action." + e.action(), null, e.action(), locale),
                                e.action().startsWith("module.")
                                        ? moduleNames.getOrDefault(e.target(), e.target())
                                        : names.getOrDefault(e.target(), e.target()),
                                changes(
                                        e,
                                        names,
                                        e.action().startsWith("module.")
                                                ? settingLabels.getOrDefault(e.target(), Map.of())
                                                : Map.of(),
                                        locale)))
                        .toList());
        return "tenant/audit";
    }

    /** The fields of an event that changed; a module's settings by the labels of its settings page. */
    private List<Change> changes(AuditEvent e, Map<String, String> names, Map<String, String> labels, Locale locale) {
        JsonNode before = read(e.before());
        JsonNode after = read(e.after());
        if ((before != null && !before.isObject()) || (after != null && !after.isObject())) {
            return List.of(new Change("", e.before() == null ? "–" : e.before(), e.after() == null ? "–" : e.after()));
        }
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            fields.addAll(before.propertyNames());
        }
        if (after != null) {
            fields.addAll(after.propertyNames());
        }
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String was = value(field, before == null ? null : before.get(field), names, locale);
            String is = value(field, after == null ? null : after.get(field), names, locale);
            if (before == null || after == null || !was.equals(is)) {
                changes.add(new Change(
                        labels.getOrDefault(field, messages.getMessage("audit.field." + field, null, field, locale)),
                        was,
                        is));
            }
        }
        return changes;
    }

    private String value(String field, JsonNode node, Map<String, String> names, Locale locale) {
        if (node == null || node.isNull()) {
            return "–";
        }
        if (node.isBoolean()) {
            return messages.getMessage(node.booleanValue() ? "audit.yes" : "audit.no", null, locale);
        }
        String text = node.isValueNode() ? node.asString() : node.toString();
        if ("status".equals(field)) {
            return messages.getMessage("employee.status." + text, null, text, locale);
        }
        return names.getOrDefault(text, text);
    }

    /** The names of the employees and units the events name by id (targets and values alike). */
    private Map<String, String> names(List<AuditEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (AuditEvent e : events) {
            collect(e.target(), ids);
            for (String json : new String[] {e.before(), e.after()}) {
                JsonNode node = read(json);
                if (node != null && node.isObject()) {
                    node.properties()
                            .forEach(p -> collect(
                                    p.getValue().isString() ? p.getValue().asString() : null, ids));
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            employees.findAllById(ids).forEach(x -> names.put(x.id().toString(), x.name() + " (" + x.username() + ")"));
            units.findAllById(ids).forEach(u -> names.put(u.id().toString(), u.name()));
        }
        return names;
    }

    private static void collect(String text, Set<UUID> ids) {
        if (text != null && text.length() == 36) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException ignored) {
                // not an id
            }
        }
    }

    private static JsonNode read(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
