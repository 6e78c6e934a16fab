package id.fleksi.platform.organisation;

import id.fleksi.platform.organisation.EmployeeImport.RowProblem;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of BKPSDM's employee spreadsheet read as the employee it describes: each cell in the forms a spreadsheet
 * gives it (ya/tidak, a day number or dd/mm/yyyy, a decimal comma), then the same rules as the API's, each broken one a
 * problem at its row and column. Whether the rows hold together (duplicates, supervisors) is {@link EmployeeImport}'s.
 */
final class EmployeeRows {

    /** The API field each column fills, for naming the column of a broken rule. */
    private static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(
            Map.entry("nip", "nip"),
            Map.entry("pppkNumber", "pppk_number"),
            Map.entry("username", "username"),
            Map.entry("name", "name"),
            Map.entry("employmentType", "employment_type"),
            Map.entry("position", "position"),
            Map.entry("grade", "grade"),
            Map.entry("unitId", "unit_code"),
            Map.entry("supervisorId", "supervisor"),
            Map.entry("talentBox", "talent_box"),
            Map.entry("homeLatitude", "home_latitude"),
            Map.entry("homeLongitude", "home_longitude"),
            Map.entry("startDate", "start_date"));

    /** A valid row: who it is, the details to store, and the username of its supervisor (or null). */
    record Planned(
            Spreadsheet.Line line,
            String username,
            NewEmployee details,
            @Nullable String supervisorKey) {}

    private final Validator validator;

    EmployeeRows(Validator validator) {
        this.validator = validator;
    }

    /** The row as an employee to import, or null with its problems added. */
    @Nullable
    Planned plan(Spreadsheet.Line line, Map<String, UUID> unitIds, List<RowProblem> problems) {
        int before = problems.size();
        EmploymentType type = enumValue(line, "employment_type", problems);
        String unitCode = line.get("unit_code");
        UUID unitId = unitCode == null ? null : unitIds.get(unitCode.toUpperCase(Locale.ROOT));
        if (unitCode != null && unitId == null) {
            problems.add(RowProblem.of(
                    line.number(),
                    "unit_code",
                    "no-unit",
                    "no unit " + unitCode + " in this tenant; import units first",
                    unitCode));
        }
        Integer talentBox = integer(line, "talent_box", problems);
        Double latitude = decimal(line, "home_latitude", problems);
        Double longitude = decimal(line, "home_longitude", problems);
        Boolean faceToFace = yesNo(line, "face_to_face_service", problems);
        Boolean ownDevice = yesNo(line, "own_device", problems);
        Boolean connection = yesNo(line, "good_connection", problems);
        LocalDate start = date(line, "start_date", problems);
        if (problems.size() > before || type == null) {
            if (type == null && problems.size() == before) {
                problems.add(RowProblem.of(
                        line.number(),
                        "employment_type",
                        "employment-type-required",
                        "is required: PNS, PPPK or NON_ASN"));
            }
            return null;
        }
        NewEmployee details = new NewEmployee(
                line.get("nip"),
                line.get("pppk_number"),
                line.get("username"),
                line.get("name") == null ? "" : line.get("name"),
                type,
                line.get("position"),
                line.get("grade"),
                unitId,
                null,
                talentBox,
                faceToFace,
                ownDevice,
                connection,
                latitude,
                longitude,
                start);
        validator
                .validate(details)
                .forEach(v -> problems.add(RowProblem.of(
                        line.number(),
                        FIELD_TO_COLUMN.getOrDefault(
                                v.getPropertyPath().toString(),
                                v.getPropertyPath().toString()),
                        "field." + v.getPropertyPath() + "."
                                + v.getConstraintDescriptor()
                                        .getAnnotation()
                                        .annotationType()
                                        .getSimpleName(),
                        v.getMessage())));
        EmployeeRules.Checked checked = EmployeeRules.check(details, id -> true, id -> true);
        checked.errors().forEach(e -> problems.add(checkProblem(line.number(), e, details)));
        if (problems.size() > before) {
            return null;
        }
        return new Planned(line, checked.validUsername(), details, line.get("supervisor"));
    }

    /**
     * A broken rule of {@link EmployeeRules#check} at its column, with the code a page says it by: a NIP's by what is wrong with
     * it, the others by their field.
     */
    private static RowProblem checkProblem(int row, Map<String, String> error, NewEmployee details) {
        // EmployeeRules.check names the field and says the message of every rule it finds broken.
        String field = Objects.requireNonNull(error.get("field"));
        String message = Objects.requireNonNull(error.get("message"));
        String column = FIELD_TO_COLUMN.getOrDefault(field, field);
        if ("nip".equals(field)) {
            Nip.Problem nip = Nip.problem(details.nip());
            if (nip != null) {
                return RowProblem.of(
                        row, column, "nip." + nip.code(), message, nip.values().toArray());
            }
        }
        return RowProblem.of(row, column, "field." + field, message);
    }

    /** The column that names the employee: the NIP, the PPPK number or the username, by employment type. */
    static String usernameColumn(NewEmployee details) {
        return switch (details.employmentType()) {
            case PNS -> "nip";
            case PPPK -> "pppk_number";
            case NON_ASN -> "username";
        };
    }

    private static @Nullable EmploymentType enumValue(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        String normal = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return EmploymentType.valueOf(normal);
        } catch (IllegalArgumentException e) {
            problems.add(RowProblem.of(
                    line.number(), column, "employment-type", "'" + value + "' is not PNS, PPPK or NON_ASN", value));
            return null;
        }
    }

    private static @Nullable Integer integer(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(RowProblem.of(
                    line.number(), column, "whole-number", "'" + value + "' is not a whole number", value));
            return null;
        }
    }

    private static @Nullable Double decimal(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(RowProblem.of(line.number(), column, "number", "'" + value + "' is not a number", value));
            return null;
        }
    }

    private static @Nullable Boolean yesNo(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ya", "y", "yes", "true", "1" -> true;
            case "tidak", "t", "no", "n", "false", "0" -> false;
            default -> {
                problems.add(RowProblem.of(line.number(), column, "yes-no", "'" + value + "' is not ya/tidak", value));
                yield null;
            }
        };
    }

    private static @Nullable LocalDate date(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{5}")) {
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(value)); // a spreadsheet's day number
            }
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(value, DateTimeFormatter.ofPattern("d/M/yyyy"));
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(RowProblem.of(
                    line.number(), column, "date", "'" + value + "' is not a date (yyyy-mm-dd or dd/mm/yyyy)", value));
            return null;
        }
    }
}
