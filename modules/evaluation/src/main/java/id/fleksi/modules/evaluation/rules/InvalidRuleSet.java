package id.fleksi.modules.evaluation.rules;

import id.fleksi.platform.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;

/**
 * A rule set refused by its checks, with every fault at once. The API answers it as the problem {@code invalid-rules}
 * with {@code errors} ({@code field} as the request's JSON names it, e.g. {@code lateBands[1].fromMinutes}, and the
 * English {@code message}); the rules page shows each fault on its own line and marks the field it names.
 */
public final class InvalidRuleSet extends Problem {

    /**
     * One fault.
     *
     * @param field the field as the request names it; a band's index counts from 0, as in the JSON array
     * @param english the fault in English, its field by its English label
     * @param said the fault in the reader's language, its field by its label in that language
     */
    public record Fault(String field, String english, MessageSourceResolvable said) {}

    private final List<Fault> faults;

    InvalidRuleSet(List<Fault> faults) {
        super(
                Kind.BAD_REQUEST,
                "invalid-rules",
                "Rules not valid",
                faults.stream().map(Fault::english).collect(Collectors.joining("; ")) + ". Nothing was saved.");
        this.faults = List.copyOf(faults);
        with(
                "errors",
                faults.stream()
                        .map(f -> Map.of("field", f.field(), "message", f.english()))
                        .toList());
        values(Problem.joined("; ", faults.stream().map(Fault::said).toList()));
    }

    public List<Fault> faults() {
        return faults;
    }
}
