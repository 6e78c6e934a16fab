package id.fleksi.modules.evaluation.rules;

import id.fleksi.platform.problem.Problem;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a rule set must be before it is stored; every fault at once, in words a BKD officer can fix. Each fault names
 * its field by the label the rules page gives it ({@code evaluation.rules.field.<field>} in the reader's language,
 * "Terlambat (TL), kelas 2 (TL2), menit awal"), never by the JSON's name, which the API answers beside it.
 */
final class RuleSetCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The English labels; the Indonesian ones are in {@code evaluation-deductions-problems_id.properties}. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("source", "Source"),
            Map.entry("lateBands", "Lateness (TL)"),
            Map.entry("earlyLeaveBands", "Early leave (PSW)"),
            Map.entry("unexcusedPercent", "Unexcused, per day (%)"),
            Map.entry("noApelPercent", "Missed apel (%)"),
            Map.entry("noReportPercent", "Day without a report (%)"),
            Map.entry("capPercent", "Monthly cap (%)"),
            Map.entry("makeUpMinutes", "Lateness made good by leaving later (minutes)"),
            Map.entry("code", "code"),
            Map.entry("fromMinutes", "from minute"),
            Map.entry("toMinutes", "to minute"),
            Map.entry("percent", "percent"));

    private final List<InvalidRuleSet.Fault> faults = new ArrayList<>();

    private RuleSetCheck() {}

    static void require(RuleSet rules) {
        List<InvalidRuleSet.Fault> faults = faultsOf(rules);
        if (!faults.isEmpty()) {
            throw new InvalidRuleSet(faults);
        }
    }

    static List<InvalidRuleSet.Fault> faultsOf(RuleSet rules) {
        RuleSetCheck check = new RuleSetCheck();
        if (rules.name() == null || rules.name().isBlank() || rules.name().length() > 200) {
            check.wrong("name", field("name"), "name", "{0}: 1 to 200 characters");
        }
        if (rules.source() == null || rules.source().isBlank() || rules.source().length() > 2000) {
            check.wrong(
                    "source",
                    field("source"),
                    "source",
                    "{0}: the Perbup (number and year) the rules come from, at most 2000 characters");
        }
        check.bands("lateBands", rules.lateBands());
        check.bands("earlyLeaveBands", rules.earlyLeaveBands());
        check.percent("unexcusedPercent", field("unexcusedPercent"), rules.unexcusedPercent());
        check.percent("noApelPercent", field("noApelPercent"), rules.noApelPercent());
        check.percent("noReportPercent", field("noReportPercent"), rules.noReportPercent());
        check.percent("capPercent", field("capPercent"), rules.capPercent());
        if (rules.makeUpMinutes() < 0 || rules.makeUpMinutes() > 240) {
            check.wrong("makeUpMinutes", field("makeUpMinutes"), "make-up", "{0}: 0 to 240 minutes");
        }
        return check.faults;
    }

    /**
     * Bands in order: the first starts at 1 minute, each starts the minute after the one before it ends (no gap, no
     * overlap), only the last is open-ended; codes differ.
     */
    private void bands(String list, List<RuleSet.Band> bands) {
        if (bands == null || bands.isEmpty() || bands.size() > 10) {
            wrong(list, field(list), "bands", "{0}: 1 to 10 bands");
            return;
        }
        Map<String, Integer> codes = new HashMap<>();
        Integer previousEnd = 0; // null: the band before has no end, so where this one starts cannot be judged
        for (int i = 0; i < bands.size(); i++) {
            RuleSet.Band band = bands.get(i);
            String at = list + "[" + i + "]";
            Label name = band(list, i, band);
            if (band == null) {
                wrong(at, name, "band-empty", "{0}: empty; fill it in or remove it");
                previousEnd = null;
                continue;
            }
            boolean last = i == bands.size() - 1;
            if (band.code() == null || !band.code().matches("[A-Za-z0-9]{1,10}")) {
                wrong(at + ".code", name.of("code"), "band-code", "{0}: 1 to 10 letters or digits, e.g. TL1");
            } else if (codes.putIfAbsent(band.code().toUpperCase(Locale.ROOT), i + 1) != null) {
                wrong(
                        at + ".code",
                        name.of("code"),
                        "band-code-twice",
                        "{0}: {1} is already band {2}''s",
                        band.code(),
                        codes.get(band.code().toUpperCase(Locale.ROOT)));
            }
            if (previousEnd != null && band.fromMinutes() != previousEnd + 1) {
                Label from = name.of("fromMinutes");
                if (i == 0) {
                    wrong(at + ".fromMinutes", from, "band-first", "{0}: the first band starts at 1 minute");
                } else if (band.fromMinutes() <= previousEnd) {
                    wrong(
                            at + ".fromMinutes",
                            from,
                            "band-overlap",
                            "{0}: {1} minutes already fall in the band before" + " (up to {2} minutes); make it {3}",
                            band.fromMinutes(),
                            previousEnd,
                            previousEnd + 1);
                } else {
                    wrong(
                            at + ".fromMinutes",
                            from,
                            "band-gap",
                            "{0}: a gap after the band before (up to {1} minutes);" + " make it {2}",
                            previousEnd,
                            previousEnd + 1);
                }
            }
            if (last && band.toMinutes() != null) {
                wrong(
                        at + ".toMinutes",
                        name.of("toMinutes"),
                        "band-open",
                        "{0}: leave it empty, the last band has no end");
            } else if (!last && band.toMinutes() == null) {
                wrong(
                        at + ".toMinutes",
                        name.of("toMinutes"),
                        "band-end",
                        "{0}: fill it in, only the last band has no end");
            } else if (band.toMinutes() != null && band.toMinutes() < band.fromMinutes()) {
                wrong(
                        at + ".toMinutes",
                        name.of("toMinutes"),
                        "band-backwards",
                        "{0}: not before the from minute ({1})",
                        band.fromMinutes());
            }
            percent(at + ".percent", name.of("percent"), band.percent());
            previousEnd = band.toMinutes();
        }
    }

    private void percent(String at, Label name, BigDecimal value) {
        if (value == null
                || value.signum() < 0
                || value.compareTo(HUNDRED) > 0
                || value.stripTrailingZeros().scale() > 2) {
            wrong(at, name, "percent", "{0}: 0 to 100, at most two decimals");
        }
    }

    private void wrong(String at, Label name, String key, String english, Object... args) {
        Object[] inEnglish = new Object[args.length + 1];
        Object[] said = new Object[args.length + 1];
        inEnglish[0] = name.english();
        said[0] = name.said();
        for (int i = 0; i < args.length; i++) {
            inEnglish[i + 1] = String.valueOf(args[i]);
            said[i + 1] = String.valueOf(args[i]);
        }
        String text = new MessageFormat(english, Locale.ENGLISH).format(inEnglish);
        faults.add(new InvalidRuleSet.Fault(at, text, Problem.phrase("evaluation.rules." + key, text, said)));
    }

    /** A field's label in English and in the reader's language. */
    private record Label(String english, MessageSourceResolvable said) {

        /** A field of a band: "Lateness (TL), band 2 (TL2), from minute". */
        Label of(String part) {
            return new Label(
                    english + ", " + ENGLISH.get(part),
                    Problem.phrase(
                            "evaluation.rules.band-field",
                            english + ", " + ENGLISH.get(part),
                            said,
                            Problem.phrase("evaluation.rules.field." + part, ENGLISH.get(part))));
        }
    }

    private static Label field(String name) {
        return new Label(ENGLISH.get(name), Problem.phrase("evaluation.rules.field." + name, ENGLISH.get(name)));
    }

    /** "Lateness (TL), band 2 (TL2)", or without the code when it has none. */
    private static Label band(String list, int index, RuleSet.Band band) {
        Label of = field(list);
        String code = band == null || band.code() == null || band.code().isBlank()
                ? null
                : band.code().strip();
        if (code == null) {
            return new Label(
                    of.english() + ", band " + (index + 1),
                    Problem.phrase(
                            "evaluation.rules.band",
                            of.english() + ", band " + (index + 1),
                            of.said(),
                            String.valueOf(index + 1)));
        }
        String english = of.english() + ", band " + (index + 1) + " (" + code + ")";
        return new Label(
                english,
                Problem.phrase("evaluation.rules.band-coded", english, of.said(), String.valueOf(index + 1), code));
    }
}
