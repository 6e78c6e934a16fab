package id.fleksi.modules.evaluation.closing.internal;

import id.fleksi.modules.evaluation.EmployeeMonth;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An employee's month as it is kept when paid: the evaluation's {@link EmployeeMonth} as JSON, read back as it was
 * written. Fields the record gains later are simply absent from older versions.
 */
public final class PaidFigures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PaidFigures() {}

    public static String write(EmployeeMonth month) {
        return JSON.writeValueAsString(month);
    }

    public static EmployeeMonth read(String json) {
        return JSON.readValue(json, EmployeeMonth.class);
    }

    /** The names of the fields whose values differ between the paid figures and the current computation. */
    public static List<String> differences(String paidJson, EmployeeMonth current) {
        JsonNode paid = JSON.readTree(paidJson);
        JsonNode now = JSON.readTree(JSON.writeValueAsString(current)); // both read from text, numbers alike
        List<String> fields = new ArrayList<>();
        for (String name : now.propertyNames()) {
            if (!now.get(name).equals(paid.get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }
}
