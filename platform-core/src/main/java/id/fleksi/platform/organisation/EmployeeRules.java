package id.fleksi.platform.organisation;

import id.fleksi.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules an employee's details keep beyond field formats, for the API and the bulk import: a pure decision. */
final class EmployeeRules {

    /** What an e-mail address looks like here: one {@code @}, a dotted domain, no spaces; at most 254 characters. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private EmployeeRules() {}

    /** The username the employee logs in with, once every rule holds; a 400 problem naming every field otherwise. */
    static String username(
            NewEmployee details,
            java.util.function.Predicate<UUID> unitExists,
            java.util.function.Predicate<UUID> supervisorExists) {
        Checked checked = check(details, unitExists, supervisorExists);
        if (!checked.errors().isEmpty()) {
            throw Problem.badRequest(
                            "invalid-employee",
                            "Invalid employee",
                            String.join(
                                    "; ",
                                    checked.errors().stream()
                                            .map(e -> e.get("field") + ": " + e.get("message"))
                                            .toList()))
                    .with("errors", checked.errors());
        }
        return checked.validUsername();
    }

    /** The outcome of the employee rules: the login username, or (username null) every broken rule by field. */
    record Checked(@Nullable String username, List<Map<String, String>> errors) {

        /** The username of details that broke no rule. */
        String validUsername() {
            return Objects.requireNonNull(username, "details that broke a rule have no username");
        }
    }

    /** The rules beyond field formats, shared by the API and the bulk import. */
    static Checked check(
            NewEmployee details,
            java.util.function.Predicate<UUID> unitExists,
            java.util.function.Predicate<UUID> supervisorExists) {
        List<Map<String, String>> errors = new ArrayList<>();
        @Nullable String username = null;
        switch (details.employmentType()) {
            case PNS -> {
                String problem = Nip.problemWith(details.nip());
                if (problem != null) {
                    errors.add(Map.of("field", "nip", "message", problem));
                } else {
                    username = details.nip();
                }
            }
            case PPPK -> {
                if (details.pppkNumber() == null || !details.pppkNumber().matches("\\d{18}")) {
                    errors.add(
                            Map.of("field", "pppkNumber", "message", "a PPPK employee needs an 18-digit PPPK number"));
                } else {
                    username = details.pppkNumber();
                }
            }
            case NON_ASN -> {
                if (details.username() == null || !details.username().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
                    errors.add(Map.of(
                            "field",
                            "username",
                            "message",
                            "a non-ASN worker needs a username of 3-64 lower-case letters, digits, dots, dashes"));
                } else {
                    username = details.username();
                }
            }
        }
        if (details.unitId() != null && !unitExists.test(details.unitId())) {
            errors.add(Map.of("field", "unitId", "message", "no such unit in this tenant"));
        }
        if (details.supervisorId() != null && !supervisorExists.test(details.supervisorId())) {
            errors.add(Map.of("field", "supervisorId", "message", "no such employee in this tenant"));
        }
        if ((details.homeLatitude() == null) != (details.homeLongitude() == null)) {
            errors.add(
                    Map.of("field", "homeLatitude", "message", "give both latitude and longitude of home, or neither"));
        }
        return new Checked(username, errors);
    }

    /** The employee as the audit records them, and as an import compares them to a row. */
    static Map<String, Object> view(Employee e) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("name", e.name());
        view.put("employmentType", e.employmentType());
        view.put("position", e.position());
        view.put("grade", e.grade());
        view.put("unitId", e.unitId());
        view.put("supervisorId", e.supervisorId());
        view.put("talentBox", e.talentBox());
        view.put("faceToFaceService", e.faceToFaceService());
        view.put("ownDevice", e.ownDevice());
        view.put("goodConnection", e.goodConnection());
        view.put("homeLatitude", e.homeLatitude());
        view.put("homeLongitude", e.homeLongitude());
        view.put("startDate", e.startDate());
        view.put("status", e.status());
        return view;
    }

    /**
     * The address as it will be kept ({@code null} for blank, trimmed otherwise), or a 400 problem when it is not an e-mail
     * address: a form checks it before it changes anything else.
     */
    static @Nullable String emailAddress(@Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null
                && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw Problem.badRequest(
                            "invalid-email",
                            "Invalid e-mail address",
                            "\"" + address + "\" is not an e-mail address"
                                    + " (name@domain, for example siti@mamujutengahkab.go.id). Nothing was changed.")
                    .values(address);
        }
        return address;
    }
}
