package id.fleksi.modules.evaluation.exports.internal;

import id.fleksi.modules.evaluation.exports.MonthExports;
import id.fleksi.modules.evaluation.exports.MonthWorkbook;
import id.fleksi.modules.evaluation.exports.RecapPdf;
import id.fleksi.modules.evaluation.exports.ResultsCsv;
import id.fleksi.modules.evaluation.exports.ResultsJson;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The month's exports through the API (no {@code produces} on the mappings: a refusal is problem JSON whatever the
 * client accepts, and {@code curl} without an Accept header gets the file; the document states each media type), for BKD, a head of OPD, and another system's token (the realm role
 * {@code evaluation-export}, which reaches these operations and no other; see docs/evaluation.md, "Ekspor").
 */
@RestController
class ExportController {

    private static final String WHO =
            "BKD and a client-credentials token with the realm role evaluation-export: any unit;"
                    + " the head of a unit: it and the units under it; anyone else is refused (403). month=2026-11 (a month not begun"
                    + " is refused); unit=the unit's code, everything under it included. Figures: an employee whose month is closed"
                    + " is exported as paid (the latest closing version), any other with the current computation; the export says"
                    + " which (closed on which date and version, or not closed, and where corrections are open since).";

    private final MonthExports exports;

    ExportController(MonthExports exports) {
        this.exports = exports;
    }

    @Operation(
            operationId = "evaluationExportWorkbook",
            summary = "The month of an OPD as the XLSX workbook BKD pays TPP from",
            description =
                    WHO + " A row per employee (NIP, name, unit, working days, present WFO/WFA/dinas luar, late and"
                            + " early-leave days and minutes, absences by kind, unexcused days, apel, report compliance, deduction %),"
                            + " then the totals. Headings in the caller's language.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The workbook",
                            content =
                                    @Content(
                                            mediaType = MonthWorkbook.MEDIA_TYPE,
                                            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/api/v1/t/{code}/evaluation/exports/month.xlsx")
    void workbook(
            @PathVariable String code,
            @RequestParam String month,
            @RequestParam String unit,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) Locale locale,
            @Parameter(hidden = true) HttpServletResponse response) {
        exports.workbook(tenant, caller, month, unit, locale, response);
    }

    @Operation(
            operationId = "evaluationExportRecap",
            summary = "The month of an OPD as the PDF recap its head signs",
            description =
                    WHO + " Landscape A4: the OPD, the month, a row per employee, the totals, a signature block for the"
                            + " head (place and date, name, NIP) and page numbers.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The recap",
                            content =
                                    @Content(
                                            mediaType = RecapPdf.MEDIA_TYPE,
                                            schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/api/v1/t/{code}/evaluation/exports/recap.pdf")
    void recap(
            @PathVariable String code,
            @RequestParam String month,
            @RequestParam String unit,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) Locale locale,
            @Parameter(hidden = true) HttpServletResponse response) {
        exports.recap(tenant, caller, month, unit, locale, response);
    }

    @Operation(
            operationId = "evaluationExportCsv",
            summary = "The month as CSV for payroll and e-Kinerja (stable columns)",
            description =
                    WHO + " Without unit: the whole pemda (BKD and the token only). RFC 4180, UTF-8, a header row; the"
                            + " columns are those of docs/evaluation-export.schema.json, in its order; the last say whose figures a row"
                            + " carries (figures=paid or current, closing_version, closed_at, current_differs).",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The rows",
                            content = @Content(mediaType = ResultsCsv.MEDIA_TYPE, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/t/{code}/evaluation/exports/results.csv")
    void csv(
            @PathVariable String code,
            @RequestParam String month,
            @RequestParam(required = false) @Nullable String unit,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) HttpServletResponse response) {
        exports.csv(tenant, caller, month, unit, response);
    }

    @Operation(
            operationId = "evaluationExportJson",
            summary = "The month as JSON for e-Kinerja, SIASN and payroll systems",
            description = WHO + " Without unit: the whole pemda (BKD and the token only). Described by"
                    + " docs/evaluation-export.schema.json (JSON Schema 2020-12): an object per employee with the CSV's"
                    + " columns, their absences by kind, outputs against each RHK and every deduction line; figures says"
                    + " whose figures the file carries (a sentence, each OPD's closing state, the closing page).",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The month",
                            content =
                                    @Content(
                                            mediaType = ResultsJson.MEDIA_TYPE,
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            description = "See docs/evaluation-export.schema.json"))))
    @GetMapping(path = "/api/v1/t/{code}/evaluation/exports/results.json")
    void json(
            @PathVariable String code,
            @RequestParam String month,
            @RequestParam(required = false) @Nullable String unit,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) HttpServletResponse response) {
        exports.json(tenant, caller, month, unit, response);
    }
}
