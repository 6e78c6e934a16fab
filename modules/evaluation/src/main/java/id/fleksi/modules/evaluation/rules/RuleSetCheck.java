package id.fleksi.modules.evaluation.rules;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.fleksi.platform.problem.Problem;

import org.springframework.context.MessageSourceResolvable;

/**
 * What a rule set must be before it is stored; every fault at once, in words a BKD officer can fix (messages
 * {@code evaluation.rules.<key>} in the reader's language, English in the API's {@code errors} and the logs).
 */
final class RuleSetCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<String> english = new ArrayList<>();
    private final List<MessageSourceResolvable> said = new ArrayList<>();

    private RuleSetCheck() {
    }

    static void require(RuleSet rules) {
        RuleSetCheck check = new RuleSetCheck();
        if (rules.name() == null || rules.name().isBlank() || rules.name().length() > 200) {
            check.wrong("name", "name: 1 to 200 characters");
        }
        if (rules.source() == null || rules.source().isBlank() || rules.source().length() > 2000) {
            check.wrong("source", "source: the Perbup (number and year) the rules come from, at most 2000 characters");
        }
        check.bands("lateBands", rules.lateBands());
        check.bands("earlyLeaveBands", rules.earlyLeaveBands());
        check.percent("unexcusedPercent", rules.unexcusedPercent());
        check.percent("noApelPercent", rules.noApelPercent());
        check.percent("noReportPercent", rules.noReportPercent());
        check.percent("capPercent", rules.capPercent());
        if (rules.makeUpMinutes() < 0 || rules.makeUpMinutes() > 240) {
            check.wrong("make-up", "makeUpMinutes: 0 to 240");
        }
        if (!check.english.isEmpty()) {
            throw Problem.badRequest("invalid-rules", "Rules not valid", String.join("; ", check.english) + ". Nothing was saved.")
                    .with("errors", check.english).values(Problem.joined("; ", check.said));
        }
    }

    /** Bands start at 1 minute, follow each other without a gap, and only the last is open-ended. */
    private void bands(String field, List<RuleSet.Band> bands) {
        if (bands == null || bands.isEmpty() || bands.size() > 10) {
            wrong("bands", "{0}: 1 to 10 bands", field);
            return;
        }
        int next = 1;
        for (int i = 0; i < bands.size(); i++) {
            RuleSet.Band band = bands.get(i);
            boolean last = i == bands.size() - 1;
            if (band.code() == null || !band.code().matches("[A-Za-z0-9]{1,10}")) {
                wrong("band-code", "{0}: band {1} needs a code of 1 to 10 letters or digits, e.g. TL1", field, i + 1);
            }
            if (band.fromMinutes() != next) {
                wrong("band-start", "{0}: band {1} starts at {2} minutes", field, i + 1, next);
            }
            if (last != (band.toMinutes() == null)) {
                wrong(last ? "band-open" : "band-end", last ? "{0}: band {1} is the last and has no end"
                        : "{0}: band {1} has an end", field, i + 1);
            } else if (band.toMinutes() != null && band.toMinutes() < band.fromMinutes()) {
                wrong("band-backwards", "{0}: band {1} ends at or after its start", field, i + 1);
            }
            percent(field + "[" + (i + 1) + "].percent", band.percent());
            next = band.toMinutes() == null ? next : band.toMinutes() + 1;
        }
    }

    private void percent(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 2) {
            wrong("percent", "{0}: 0 to 100, at most two decimals", field);
        }
    }

    private void wrong(String key, String text, Object... args) {
        Object[] values = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        english.add(new MessageFormat(text, Locale.ENGLISH).format(values));
        said.add(Problem.phrase("evaluation.rules." + key, english.get(english.size() - 1), values));
    }
}
