package id.fleksi.modules.evaluation.exports;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.closing.MonthAsPaid;
import id.fleksi.modules.evaluation.closing.MonthClosings;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The month as JSON for e-Kinerja, SIASN and payroll systems (docs/evaluation-export.schema.json): what it is of and whose
 * figures it carries (closed in which version, or the current computation), then an object per employee with the columns
 * of {@link ExportColumn} under the same names, their absences by kind, their outputs against each RHK, every line of
 * their deduction and {@link FiguresColumn}'s, then how many employees there were and for how many the current
 * computation differs from what was paid. Streamed, one employee at a time.
 */
public final class ResultsJson {

    public static final String MEDIA_TYPE = "application/json";
    static final int SCHEMA_VERSION = 1;

    private static final JsonMapper JSON =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ResultsJson() {}

    record About(
            String tenant,
            String tenantName,
            YearMonth month,
            @Nullable String unitCode,
            String unitName,
            Instant generatedAt,
            Figures figures) {}

    /** Whose figures the file carries, in a sentence and per OPD it covers, and where paid and current stand side by side. */
    record Figures(String statement, String closingPage, java.util.List<MonthClosings.OpdState> opds) {}

    static int write(OutputStream out, About about, Consumer<Consumer<MonthAsPaid.Shown>> employees) {
        int[] count = {0};
        int[] differing = {0};
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("schema_version", SCHEMA_VERSION);
            json.writeStringProperty("tenant", about.tenant());
            json.writeStringProperty("tenant_name", about.tenantName());
            json.writeStringProperty("month", about.month().toString());
            json.writeStringProperty("unit_code", about.unitCode());
            json.writeStringProperty("unit_name", about.unitName());
            json.writeStringProperty("generated_at", about.generatedAt().toString());
            figures(json, about.figures());
            json.writeName("employees");
            json.writeStartArray();
            employees.accept(shown -> {
                employee(json, shown);
                count[0]++;
                differing[0] += shown.currentDiffers() ? 1 : 0;
            });
            json.writeEndArray();
            json.writeNumberProperty("employee_count", count[0]);
            json.writeNumberProperty("current_differs_count", differing[0]);
            json.writeEndObject();
        }
        return count[0];
    }

    private static void figures(JsonGenerator json, Figures figures) {
        json.writeName("figures");
        json.writeStartObject();
        json.writeStringProperty("statement", figures.statement());
        json.writeStringProperty("closing_page", figures.closingPage());
        json.writeName("opds");
        json.writeStartArray();
        for (MonthClosings.OpdState opd : figures.opds()) {
            json.writeStartObject();
            json.writeStringProperty("code", opd.code());
            json.writeStringProperty("name", opd.name());
            json.writeStringProperty("state", opd.state());
            if (opd.version() == null) {
                json.writeNullProperty("closing_version");
            } else {
                json.writeNumberProperty("closing_version", opd.version());
            }
            json.writeStringProperty(
                    "closed_at", opd.closedAt() == null ? null : opd.closedAt().toString());
            json.writeNumberProperty("open_corrections", opd.openCorrections());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void employee(JsonGenerator json, MonthAsPaid.Shown shown) {
        EmployeeMonth month = shown.figures();
        json.writeStartObject();
        for (ExportColumn column : ExportColumn.values()) {
            if (column == ExportColumn.RULE_SET_VERSIONS) {
                json.writeName(column.key());
                json.writeStartArray();
                month.ruleSetVersions().forEach(json::writeNumber);
                json.writeEndArray();
                continue;
            }
            Object value = column.of(month);
            if (value == null) {
                json.writeNullProperty(column.key());
            } else if (value instanceof BigDecimal d) {
                json.writeNumberProperty(column.key(), d);
            } else if (value instanceof Integer i) {
                json.writeNumberProperty(column.key(), i);
            } else if (value instanceof Boolean b) {
                json.writeBooleanProperty(column.key(), b);
            } else {
                json.writeStringProperty(column.key(), value.toString());
            }
        }
        json.writeName("absences_by_kind");
        json.writeStartObject();
        for (Map.Entry<String, Integer> absence : new java.util.TreeMap<>(month.absencesByKind()).entrySet()) {
            json.writeNumberProperty(absence.getKey(), absence.getValue());
        }
        json.writeEndObject();
        json.writeName("outputs");
        json.writeStartArray();
        for (EmployeeMonth.Output output : month.outputs()) {
            json.writeStartObject();
            json.writeStringProperty("target_id", output.targetId().toString());
            json.writeStringProperty("title", output.title());
            json.writeStringProperty("unit", output.unit());
            json.writeNumberProperty("target_quantity", output.targetQuantity());
            json.writeNumberProperty("achieved", output.achieved());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeName("deduction_lines");
        json.writeStartArray();
        for (EmployeeMonth.DeductionLine line : month.lines()) {
            json.writeStartObject();
            json.writeStringProperty("date", line.date().toString());
            json.writeStringProperty("rule", line.rule());
            json.writeStringProperty("band", line.band());
            json.writeNumberProperty("minutes", line.minutes());
            json.writeNumberProperty("percent", line.percent());
            json.writeNumberProperty("rule_set_version", line.ruleSetVersion());
            json.writeStringProperty("explanation", line.explanation());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringProperty("rating_note", month.ratingNote());
        for (FiguresColumn column : FiguresColumn.values()) {
            Object value = column.of(shown);
            if (value == null) {
                json.writeNullProperty(column.key());
            } else if (value instanceof Integer i) {
                json.writeNumberProperty(column.key(), i);
            } else if (value instanceof Boolean b) {
                json.writeBooleanProperty(column.key(), b);
            } else {
                json.writeStringProperty(column.key(), value.toString());
            }
        }
        json.writeEndObject();
    }
}
