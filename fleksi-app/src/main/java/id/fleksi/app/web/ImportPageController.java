package id.fleksi.app.web;

import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.ImportJobs;
import id.fleksi.platform.organisation.ImportTemplates;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Imports from the employees page: the upload, the page that follows the import and says each problem in the reader's
 * language, and the template files to fill in.
 */
@PageController
class ImportPageController {

    /** A problem of an import as the page shows it. */
    record ShownProblem(int row, String column, String reason) {}

    private final TenantMenu menu;
    private final ImportJobs imports;
    private final MessageSource messages;

    ImportPageController(TenantMenu menu, ImportJobs imports, MessageSource messages) {
        this.menu = menu;
        this.imports = imports;
        this.messages = messages;
    }

    /** Starts the import in the background and shows its page, which follows its progress. */
    @PostMapping("/t/{code}/admin/import")
    String importFile(
            Tenant tenant,
            Caller caller,
            @RequestParam String kind,
            @RequestParam MultipartFile file,
            RedirectAttributes redirect,
            Locale locale) {
        EmployeesPageController.allowed(caller);
        try {
            Spreadsheet sheet = Spreadsheet.read(file.getInputStream(), file.getOriginalFilename());
            ImportJobs.Kind jobKind = "units".equals(kind) ? ImportJobs.Kind.UNITS : ImportJobs.Kind.EMPLOYEES;
            UUID job = imports.start(jobKind, sheet, file.getOriginalFilename(), caller.username());
            return "redirect:/t/" + tenant.code() + "/admin/imports/" + job;
        } catch (IOException e) {
            String why = e.getMessage();
            if (e instanceof Spreadsheet.Refused refused && !"en".equals(locale.getLanguage())) {
                why = messages.getMessage(
                        new DefaultMessageSourceResolvable(
                                new String[] {"import.refused." + refused.code()},
                                refused.values().toArray(),
                                e.getMessage()),
                        locale);
            }
            redirect.addFlashAttribute("error", messages.getMessage("import.unreadable", new Object[] {why}, locale));
            return "redirect:/t/" + tenant.code() + "/admin/employees";
        }
    }

    @GetMapping("/t/{code}/admin/imports/{id}")
    String importJob(Tenant tenant, Caller caller, @PathVariable UUID id, Model model, Locale locale) {
        EmployeesPageController.allowed(caller);
        ImportJobs.ImportJob job = imports.find(id)
                .orElseThrow(() -> Problem.notFound(
                        "unknown-import", "Unknown import", "There is no import " + id + " in this tenant."));
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("job", job);
        model.addAttribute(
                "problems",
                job.report() == null
                        ? List.of()
                        : job.report().problems().stream()
                                .map(p -> shown(p, locale))
                                .toList());
        return "tenant/import";
    }

    private static Problem unknownTemplate(String name) {
        return Problem.notFound(
                        "unknown-template",
                        "Unknown template",
                        "There is no template " + name + ": the templates are"
                                + " units and employees, each as CSV or XLSX, below the import form.")
                .values(name);
    }

    /** The header row and one example row, for units or employees, as CSV or XLSX. */
    @GetMapping("/t/{code}/admin/import-templates/{kind}.{format}")
    ResponseEntity<byte[]> template(Caller caller, @PathVariable String kind, @PathVariable String format) {
        EmployeesPageController.allowed(caller);
        ImportTemplates.Kind which = switch (kind) {
            case "units" -> ImportTemplates.Kind.UNITS;
            case "employees" -> ImportTemplates.Kind.EMPLOYEES;
            default -> throw unknownTemplate(kind + "." + format);
        };
        boolean xlsx = switch (format) {
            case "xlsx" -> true;
            case "csv" -> false;
            default -> throw unknownTemplate(kind + "." + format);
        };
        String name = (which == ImportTemplates.Kind.UNITS ? "contoh-unit." : "contoh-pegawai.") + format;
        return ResponseEntity.ok()
                .contentType(
                        xlsx
                                ? MediaType.parseMediaType(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(xlsx ? ImportTemplates.xlsx(which) : ImportTemplates.csv(which));
    }

    private ShownProblem shown(EmployeeImport.RowProblem p, Locale locale) {
        // The English reason is the one the import wrote; other languages are said by its code.
        String reason = p.code() == null || "en".equals(locale.getLanguage())
                ? p.reason()
                : messages.getMessage(
                        new DefaultMessageSourceResolvable(
                                new String[] {"import.problem." + p.code()},
                                p.values() == null ? null : p.values().toArray(),
                                p.reason()),
                        locale);
        return new ShownProblem(p.row(), p.column(), reason);
    }
}
