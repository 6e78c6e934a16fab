package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.organisation.NewEmployee;
import id.fleksi.platform.organisation.Nip;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem an import can report has its Indonesian text ({@code import.problem.<code>} in messages.properties): each
 * rule on a column of NewEmployee, each way a NIP can be wrong, and the import's own. A code without a text would show the
 * English reason to an Indonesian reader.
 */
class ImportProblemMessagesTest {

    @Test
    void everyImportProblemCodeHasAnIndonesianText() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> codes = new ArrayList<>(List.of(
                "no-column",
                "long-number",
                "same-employee",
                "no-supervisor",
                "supervisor-loop",
                "username-taken",
                "unit-code",
                "required",
                "unit-kind",
                "same-unit",
                "no-parent",
                "unit-loop",
                "no-unit",
                "employment-type-required",
                "employment-type",
                "whole-number",
                "number",
                "yes-no",
                "date",
                "field.pppkNumber",
                "field.username",
                "field.homeLatitude"));
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            validator
                    .getConstraintsForClass(NewEmployee.class)
                    .getConstrainedProperties()
                    .forEach(property -> property.getConstraintDescriptors()
                            .forEach((ConstraintDescriptor<?> c) -> codes.add("field." + property.getPropertyName()
                                    + "." + c.getAnnotation().annotationType().getSimpleName())));
        }
        for (String nip : List.of(
                "",
                "19900115201503300X",
                "1990011520150320",
                "199013152015032001",
                "199001152015132001",
                "189001152015032001",
                "199001151995032001",
                "199001152015033001",
                "199001152015032000")) {
            codes.add("nip." + Nip.problem(nip).code());
        }
        assertThat(codes).as("NewEmployee's constraints were found").anyMatch(c -> c.startsWith("field.name."));
        assertThat(codes.stream()
                        .distinct()
                        .filter(code -> !texts.containsKey("import.problem." + code))
                        .toList())
                .isEmpty();
        assertThat(Stream.of("file-type", "csv", "xlsx", "zip", "size", "rows", "cell", "xlsx-bounds")
                        .filter(code -> !texts.containsKey("import.refused." + code))
                        .toList())
                .isEmpty();
    }
}
