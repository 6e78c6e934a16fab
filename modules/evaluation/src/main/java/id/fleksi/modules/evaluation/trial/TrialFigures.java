package id.fleksi.modules.evaluation.trial;

import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Side;
import id.fleksi.modules.evaluation.trial.internal.TrialChart;
import id.fleksi.modules.evaluation.trial.internal.TrialSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict's figures as the page writes them, in the reader's language: a side's figure with its interval and the
 * count behind it, a difference with its interval, and the SVG chart of each measure.
 */
public final class TrialFigures {

    /** A measure's chart: its key and the SVG. */
    public record Chart(String key, String svg) {}

    private final Locale locale;
    private final String points;

    public TrialFigures(Locale locale, String points) {
        this.locale = locale;
        this.points = points;
    }

    /** "95,2%" or "3,12". */
    public String value(Measure m, Side side) {
        return TrialSummary.number(m.kind(), side.value(), locale, null);
    }

    /** "94,8–95,6" or "" when there is none. */
    public String interval(Measure m, Side side) {
        if (side.low() == null || side.high() == null) {
            return "";
        }
        return TrialSummary.number(m.kind(), side.low(), locale, null) + " – "
                + TrialSummary.number(m.kind(), side.high(), locale, null);
    }

    /** The count behind a share ("1.234/1.300") or a mean (its days or ratings). */
    public String counts(Measure m, Side side) {
        String of = String.format(locale, "%,d", side.count());
        return m.kind() == TrialVerdict.Kind.PROPORTION
                ? String.format(locale, "%,d", Math.round(side.numerator())) + "/" + of
                : of;
    }

    /** "+1,2 poin (-0,3 – +2,7)": the unit once; a dash without a difference. */
    public String difference(Measure m) {
        Side d = m.difference();
        if (d == null) {
            return "–";
        }
        String value = TrialSummary.number(m.kind(), d.value(), locale, points);
        return d.low() == null
                ? value
                : value + " (" + TrialSummary.number(m.kind(), d.low(), locale, "") + " – "
                        + TrialSummary.number(m.kind(), d.high(), locale, "") + ")";
    }

    /** better, worse or plain: how the page colours the finding. */
    public String tone(Measure m) {
        return m.finding() != TrialVerdict.Finding.HIGHER && m.finding() != TrialVerdict.Finding.LOWER
                ? "plain"
                : (m.finding() == TrialVerdict.Finding.HIGHER) == m.higherIsBetter() ? "better" : "worse";
    }

    /** A chart per measure: the pemda first, then each OPD. */
    public List<Chart> charts(TrialVerdict verdict, String totalLabel) {
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < verdict.total().size(); i++) {
            Measure total = verdict.total().get(i);
            List<TrialChart.Row> rows = new ArrayList<>();
            rows.add(new TrialChart.Row(totalLabel, total));
            for (TrialVerdict.Opd opd : verdict.opds()) {
                rows.add(new TrialChart.Row(opd.name(), opd.measures().get(i)));
            }
            charts.add(new Chart(total.key(), TrialChart.svg(total.name(), rows, locale, points)));
        }
        return charts;
    }
}
