package id.fleksi.modules.evaluation.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.Consumer;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.exports.internal.ExportScope;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * The four exports of a month, written straight into the response as the evaluation hands employees over: the pages'
 * download buttons and the API operations both come here. Who may take what is {@link ExportScope}'s; it is settled before
 * the first byte goes out, so a refusal is still a problem, not half a file. Runs with the tenant set.
 */
@Service
public class MonthExports {

    private final ObjectProvider<MonthlyEvaluations> evaluations;
    private final ExportScope scope;
    private final MonthWorkbook workbook;
    private final RecapPdf recap;
    private final Clock clock;

    MonthExports(ObjectProvider<MonthlyEvaluations> evaluations, ExportScope scope, MonthWorkbook workbook, RecapPdf recap,
            Clock clock) {
        this.evaluations = evaluations;
        this.scope = scope;
        this.workbook = workbook;
        this.recap = recap;
        this.clock = clock;
    }

    public void workbook(Tenant tenant, Caller caller, String monthText, String unitCode, Locale locale, HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = required(scope.unit(caller, unitCode));
        Consumer<Consumer<EmployeeMonth>> employees = employees(tenant, month, unit);
        write(response, MonthWorkbook.MEDIA_TYPE, "tpp-" + unit.code() + "-" + month + ".xlsx",
                out -> workbook.write(out, new MonthWorkbook.Heading(tenant.name(), unit.name(), month), locale, employees));
    }

    public void recap(Tenant tenant, Caller caller, String monthText, String unitCode, Locale locale, HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = required(scope.unit(caller, unitCode));
        Consumer<Consumer<EmployeeMonth>> employees = employees(tenant, month, unit);
        RecapPdf.Signer signer = new RecapPdf.Signer(unit.headName(), unit.headNip(), "Kepala " + unit.name(),
                ExportTexts.place(tenant.name()), LocalDate.now(clock.withZone(tenant.timeZone().zone())));
        write(response, RecapPdf.MEDIA_TYPE, "rekap-tpp-" + unit.code() + "-" + month + ".pdf",
                out -> recap.write(out, new MonthWorkbook.Heading(tenant.name(), unit.name(), month), signer, locale, employees));
    }

    public void csv(Tenant tenant, Caller caller, String monthText, @Nullable String unitCode, HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = scope.unit(caller, unitCode);
        Consumer<Consumer<EmployeeMonth>> employees = employees(tenant, month, unit);
        write(response, ResultsCsv.MEDIA_TYPE + ";charset=UTF-8", fileName(month, unit, "csv"),
                out -> ResultsCsv.write(out, employees));
    }

    public void json(Tenant tenant, Caller caller, String monthText, @Nullable String unitCode, HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = scope.unit(caller, unitCode);
        Consumer<Consumer<EmployeeMonth>> employees = employees(tenant, month, unit);
        ResultsJson.About about = new ResultsJson.About(tenant.code().value(), tenant.name(), month,
                unit == null ? null : unit.code(), unit == null ? tenant.name() : unit.name(), clock.instant());
        write(response, ResultsJson.MEDIA_TYPE, fileName(month, unit, "json"), out -> ResultsJson.write(out, about, employees));
    }

    private Consumer<Consumer<EmployeeMonth>> employees(Tenant tenant, YearMonth month, ExportScope.@Nullable Unit unit) {
        MonthlyEvaluations monthly = evaluations.getIfAvailable();
        if (monthly == null) {
            throw Problem.unavailable("evaluation-not-computed", "Evaluation not available", "This Fleksi does not compute"
                    + " the monthly evaluation yet, so there is nothing to export.");
        }
        return each -> monthly.each(tenant.code(), month, unit == null ? null : unit.id(), each);
    }

    private static ExportScope.Unit required(ExportScope.@Nullable Unit unit) {
        if (unit == null) {
            throw Problem.badRequest("evaluation-export-unit-required", "Choose a unit", "The workbook and the recap are"
                    + " of one OPD: name it with unit=CODE.");
        }
        return unit;
    }

    private static String fileName(YearMonth month, ExportScope.@Nullable Unit unit, String extension) {
        return "evaluasi-" + month + (unit == null ? "" : "-" + unit.code()) + "." + extension;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(HttpServletResponse response, String mediaType, String fileName, Body body) {
        response.setContentType(mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            OutputStream out = response.getOutputStream();
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
