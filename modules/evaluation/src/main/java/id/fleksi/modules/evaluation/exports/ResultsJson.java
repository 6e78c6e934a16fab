package id.fleksi.modules.evaluation.exports;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Consumer;

import id.fleksi.modules.evaluation.EmployeeMonth;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The month as JSON for e-Kinerja, SIASN and payroll systems (docs/evaluation-export.schema.json): what it is of, then an
 * object per employee with the columns of {@link ExportColumn} under the same names, their absences by kind, their outputs
 * against each RHK and every line of their deduction, then how many employees there were. Streamed, one employee at a time.
 */
public final class ResultsJson {

    public static final String MEDIA_TYPE = "application/json";
    static final int SCHEMA_VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ResultsJson() {
    }

    record About(String tenant, String tenantName, YearMonth month, @Nullable String unitCode, String unitName, Instant generatedAt) {
    }

    static int write(OutputStream out, About about, Consumer<Consumer<EmployeeMonth>> employees) {
        int[] count = {0};
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("schema_version", SCHEMA_VERSION);
            json.writeStringProperty("tenant", about.tenant());
            json.writeStringProperty("tenant_name", about.tenantName());
            json.writeStringProperty("month", about.month().toString());
            json.writeStringProperty("unit_code", about.unitCode());
            json.writeStringProperty("unit_name", about.unitName());
            json.writeStringProperty("generated_at", about.generatedAt().toString());
            json.writeName("employees");
            json.writeStartArray();
            employees.accept(month -> {
                employee(json, month);
                count[0]++;
            });
            json.writeEndArray();
            json.writeNumberProperty("employee_count", count[0]);
            json.writeEndObject();
        }
        return count[0];
    }

    private static void employee(JsonGenerator json, EmployeeMonth month) {
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
        json.writeEndObject();
    }
}
