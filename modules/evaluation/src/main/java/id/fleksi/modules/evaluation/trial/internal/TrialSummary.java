package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.modules.evaluation.trial.TrialComparison;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Conclusion;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Finding;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Kind;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Side;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The summary a Sekda reads in a minute: what was compared, with whom, each measure in one clause ("kehadiran 96,1%
 * (pembanding 95,8%): tidak ada perbedaan yang nyata"), and a conclusion that says only what the intervals allow.
 */
public final class TrialSummary {

    private TrialSummary() {}

    /** The overall verdict: too few data when attendance or activities cannot be judged; else by the real differences. */
    public static Conclusion conclusion(List<Measure> total) {
        if (total.stream()
                .filter(m -> m.key().equals("attendance") || m.key().equals("activitiesPerDay"))
                .anyMatch(m -> m.finding() == Finding.TOO_FEW || m.finding() == Finding.NO_DATA)) {
            return Conclusion.TOO_FEW;
        }
        boolean better = total.stream().anyMatch(TrialSummary::better);
        boolean worse = total.stream().anyMatch(TrialSummary::worse);
        return better && worse
                ? Conclusion.MIXED
                : better ? Conclusion.BETTER : worse ? Conclusion.WORSE : Conclusion.NO_DIFFERENCE;
    }

    public static List<String> sentences(
            String tenantName,
            TrialComparison c,
            int compared,
            int leftOut,
            List<Measure> total,
            Conclusion conclusion,
            MessageSourceAccessor text,
            Locale locale) {
        List<String> lines = new ArrayList<>();
        if (c.mode() == TrialComparison.Mode.PERIODS) {
            lines.add(text.getMessage("trial.summary.periods", new Object[] {
                tenantName,
                date(c.trialFrom(), locale),
                date(c.counted(), locale),
                date(c.baselineFrom(), locale),
                date(c.baselineTo(), locale)
            }));
        } else {
            lines.add(text.getMessage(
                    "trial.summary.days",
                    new Object[] {tenantName, date(c.trialFrom(), locale), date(c.counted(), locale)}));
        }
        lines.add(text.getMessage("trial.summary.cohort", new Object[] {compared, leftOut}));
        List<String> clauses = new ArrayList<>();
        for (Measure m : total) {
            if (m.finding() != Finding.NO_DATA) {
                clauses.add(text.getMessage("trial.summary.clause", new Object[] {
                    m.name().toLowerCase(locale),
                    value(m, m.trial(), locale),
                    value(m, m.baseline(), locale),
                    m.findingText()
                }));
            }
        }
        lines.add(text.getMessage("trial.summary.during") + " " + String.join("; ", clauses) + ".");
        List<String> better = total.stream()
                .filter(TrialSummary::better)
                .map(m -> m.name().toLowerCase(locale))
                .toList();
        List<String> worse = total.stream()
                .filter(TrialSummary::worse)
                .map(m -> m.name().toLowerCase(locale))
                .toList();
        lines.add(text.getMessage(
                "trial.conclusion." + conclusion, new Object[] {String.join(", ", better), String.join(", ", worse)}));
        return lines;
    }

    private static boolean better(Measure m) {
        return m.finding() == (m.higherIsBetter() ? Finding.HIGHER : Finding.LOWER);
    }

    private static boolean worse(Measure m) {
        return m.finding() == (m.higherIsBetter() ? Finding.LOWER : Finding.HIGHER);
    }

    /** A side's figure as a person reads it: a share in percent with one decimal, a mean with two; a dash without data. */
    public static String value(Measure m, Side side, Locale locale) {
        return number(m.kind(), side.value(), locale, null);
    }

    /**
     * A figure; with {@code points} (the word for percentage points, or empty for none) signed, as a difference is shown.
     */
    public static String number(Kind kind, @Nullable Double value, Locale locale, @Nullable String points) {
        boolean signed = points != null;
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(kind == Kind.PROPORTION ? 1 : 2);
        format.setMaximumFractionDigits(kind == Kind.PROPORTION ? 1 : 2);
        double shown = kind == Kind.PROPORTION ? value * 100 : value;
        String sign = signed && shown > 0 ? "+" : "";
        return sign
                + format.format(shown)
                + (kind == Kind.PROPORTION ? (signed ? (points.isEmpty() ? "" : " " + points) : "%") : "");
    }

    public static String date(@Nullable LocalDate date, Locale locale) {
        return date == null
                ? ""
                : date.format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
}
