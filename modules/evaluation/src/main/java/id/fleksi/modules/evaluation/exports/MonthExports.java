package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import id.fleksi.modules.evaluation.exports.internal.ExportScope;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * The four exports of a month, written straight into the response as the evaluation hands employees over: the pages'
 * download buttons and the API operations both come here. Each carries the month as paid ({@link MonthAsPaid}: the
 * figures of the latest closing where the month is closed, the current computation elsewhere) and says which. Who may take what is {@link ExportScope}'s; it is settled before
 * the first byte goes out, so a refusal is still a problem, not half a file. Runs with the tenant set.
 */
@Service
public class MonthExports {

    /** The language of the sentences in the JSON, read by machines and by BKD's staff. */
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final ObjectProvider<MonthlyEvaluations> evaluations;
    private final MonthAsPaid paid;
    private final ClosingNote note;
    private final ExportScope scope;
    private final MonthWorkbook workbook;
    private final RecapPdf recap;
    private final Clock clock;

    MonthExports(
            ObjectProvider<MonthlyEvaluations> evaluations,
            MonthAsPaid paid,
            ClosingNote note,
            ExportScope scope,
            MonthWorkbook workbook,
            RecapPdf recap,
            Clock clock) {
        this.evaluations = evaluations;
        this.paid = paid;
        this.note = note;
        this.scope = scope;
        this.workbook = workbook;
        this.recap = recap;
        this.clock = clock;
    }

    public void workbook(
            Tenant tenant,
            Caller caller,
            String monthText,
            String unitCode,
            Locale locale,
            HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = required(scope.unit(caller, unitCode));
        Consumer<Consumer<MonthAsPaid.Shown>> employees = employees(tenant, month, unit);
        MonthWorkbook.Heading heading = heading(tenant, month, unit, locale);
        write(
                response,
                MonthWorkbook.MEDIA_TYPE,
                "tpp-" + unit.code() + "-" + month + ".xlsx",
                out -> workbook.write(out, heading, locale, employees));
    }

    public void recap(
            Tenant tenant,
            Caller caller,
            String monthText,
            String unitCode,
            Locale locale,
            HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = required(scope.unit(caller, unitCode));
        Consumer<Consumer<MonthAsPaid.Shown>> employees = employees(tenant, month, unit);
        MonthWorkbook.Heading heading = heading(tenant, month, unit, locale);
        RecapPdf.Signer signer = new RecapPdf.Signer(
                unit.headName(),
                unit.headNip(),
                "Kepala " + unit.name(),
                ExportTexts.place(tenant.name()),
                LocalDate.now(clock.withZone(tenant.timeZone().zone())));
        write(
                response,
                RecapPdf.MEDIA_TYPE,
                "rekap-tpp-" + unit.code() + "-" + month + ".pdf",
                out -> recap.write(out, heading, signer, locale, employees));
    }

    public void csv(
            Tenant tenant, Caller caller, String monthText, @Nullable String unitCode, HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = scope.unit(caller, unitCode);
        Consumer<Consumer<MonthAsPaid.Shown>> employees = employees(tenant, month, unit);
        write(
                response,
                ResultsCsv.MEDIA_TYPE + ";charset=UTF-8",
                fileName(month, unit, "csv"),
                out -> ResultsCsv.write(out, employees));
    }

    public void json(
            Tenant tenant, Caller caller, String monthText, @Nullable String unitCode, HttpServletResponse response) {
        YearMonth month = scope.month(tenant, monthText);
        ExportScope.Unit unit = scope.unit(caller, unitCode);
        Consumer<Consumer<MonthAsPaid.Shown>> employees = employees(tenant, month, unit);
        MonthAsPaid.Standing standing = paid.standing(tenant, month, unit == null ? null : unit.id());
        ResultsJson.About about = new ResultsJson.About(
                tenant.code().value(),
                tenant.name(),
                month,
                unit == null ? null : unit.code(),
                unit == null ? tenant.name() : unit.name(),
                clock.instant(),
                new ResultsJson.Figures(
                        note.heading(tenant, month, standing, INDONESIAN),
                        ClosingNote.closingPage(tenant, month),
                        standing.opds()));
        write(
                response,
                ResultsJson.MEDIA_TYPE,
                fileName(month, unit, "json"),
                out -> ResultsJson.write(out, about, employees));
    }

    private MonthWorkbook.Heading heading(Tenant tenant, YearMonth month, ExportScope.Unit unit, Locale locale) {
        MonthAsPaid.Standing standing = paid.standing(tenant, month, unit.id());
        return new MonthWorkbook.Heading(
                tenant.name(),
                unit.name(),
                month,
                note.heading(tenant, month, standing, locale),
                ClosingNote.closingPage(tenant, month));
    }

    /** The unit's employees as paid where their month is closed, else as computed now. */
    private Consumer<Consumer<MonthAsPaid.Shown>> employees(
            Tenant tenant, YearMonth month, ExportScope.@Nullable Unit unit) {
        MonthlyEvaluations monthly = evaluations.getIfAvailable();
        if (monthly == null) {
            throw Problem.unavailable(
                    "evaluation-not-computed",
                    "Evaluation not available",
                    "This Fleksi does not compute" + " the monthly evaluation yet, so there is nothing to export.");
        }
        return each -> paid.each(tenant, monthly, month, unit == null ? null : unit.id(), each);
    }

    private static ExportScope.Unit required(ExportScope.@Nullable Unit unit) {
        if (unit == null) {
            throw Problem.badRequest(
                    "evaluation-export-unit-required",
                    "Choose a unit",
                    "The workbook and the recap are" + " of one OPD: name it with unit=CODE.");
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
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
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
