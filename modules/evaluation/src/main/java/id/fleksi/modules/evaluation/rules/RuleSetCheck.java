package id.fleksi.modules.evaluation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import id.fleksi.platform.problem.Problem;

/** What a rule set must be before it is stored; every fault at once, in words a BKD officer can fix. */
final class RuleSetCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleSetCheck() {
    }

    static void require(RuleSet rules) {
        List<String> wrong = new ArrayList<>();
        if (rules.name() == null || rules.name().isBlank() || rules.name().length() > 200) {
            wrong.add("name: 1 to 200 characters");
        }
        if (rules.source() == null || rules.source().isBlank() || rules.source().length() > 2000) {
            wrong.add("source: the Perbup (number and year) the rules come from, at most 2000 characters");
        }
        bands("lateBands", rules.lateBands(), wrong);
        bands("earlyLeaveBands", rules.earlyLeaveBands(), wrong);
        percent("unexcusedPercent", rules.unexcusedPercent(), wrong);
        percent("noApelPercent", rules.noApelPercent(), wrong);
        percent("noReportPercent", rules.noReportPercent(), wrong);
        percent("capPercent", rules.capPercent(), wrong);
        if (rules.makeUpMinutes() < 0 || rules.makeUpMinutes() > 240) {
            wrong.add("makeUpMinutes: 0 to 240");
        }
        if (!wrong.isEmpty()) {
            String joined = String.join("; ", wrong);
            throw Problem.badRequest("invalid-rules", "Rules not valid", joined + ". Nothing was saved.")
                    .with("errors", wrong).values(joined);
        }
    }

    /** Bands start at 1 minute, follow each other without a gap, and only the last is open-ended. */
    private static void bands(String field, List<RuleSet.Band> bands, List<String> wrong) {
        if (bands == null || bands.isEmpty() || bands.size() > 10) {
            wrong.add(field + ": 1 to 10 bands");
            return;
        }
        int next = 1;
        for (int i = 0; i < bands.size(); i++) {
            RuleSet.Band band = bands.get(i);
            boolean last = i == bands.size() - 1;
            if (band.code() == null || !band.code().matches("[A-Za-z0-9]{1,10}")) {
                wrong.add(field + ": band " + (i + 1) + " needs a code of 1 to 10 letters or digits, e.g. TL1");
            }
            if (band.fromMinutes() != next) {
                wrong.add(field + ": band " + (i + 1) + " starts at " + next + " minutes");
            }
            if (last != (band.toMinutes() == null) || band.toMinutes() != null && band.toMinutes() < band.fromMinutes()) {
                wrong.add(field + ": band " + (i + 1) + (last ? " is the last and has no end" : " ends at or after its start"));
            }
            percent(field + "[" + (i + 1) + "].percent", band.percent(), wrong);
            next = band.toMinutes() == null ? next : band.toMinutes() + 1;
        }
    }

    private static void percent(String field, BigDecimal value, List<String> wrong) {
        if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.scale() > 2) {
            wrong.add(field + ": 0 to 100, at most two decimals");
        }
    }
}
