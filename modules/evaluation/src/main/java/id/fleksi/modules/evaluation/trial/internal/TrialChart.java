package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.modules.evaluation.trial.TrialVerdict.Finding;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Kind;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A measure's chart, drawn on the server as SVG (no script, prints as it shows): one row for the pemda and one per OPD,
 * each a dot at the difference (trial minus baseline; percentage points for a share) and a line across its 95% interval,
 * around a zero line. Green where the difference is real and for the better, red where it is real and for the worse,
 * grey otherwise; a row without data shows its finding in words.
 */
public final class TrialChart {

    /** A row: its label and the measure as computed for it. */
    public record Row(String label, Measure measure) {}

    private static final int WIDTH = 640;
    private static final int LABEL = 230;
    private static final int ROW = 20;
    private static final int TOP = 24;

    private TrialChart() {}

    public static String svg(String title, List<Row> rows, Locale locale, String points) {
        double extent = 0;
        for (Row row : rows) {
            if (row.measure().difference() != null && row.measure().difference().low() != null) {
                extent = Math.max(
                        extent,
                        Math.max(
                                Math.abs(scaled(
                                        row.measure(),
                                        row.measure().difference().low())),
                                Math.abs(scaled(
                                        row.measure(),
                                        row.measure().difference().high()))));
            }
        }
        extent = extent == 0 ? 1 : extent * 1.1;
        int height = TOP + rows.size() * ROW + 22;
        double zero = LABEL + (WIDTH - LABEL - 10) / 2.0;
        double half = (WIDTH - LABEL - 10) / 2.0;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trial-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(escape(title))
                .append("\">");
        svg.append("<text x=\"0\" y=\"14\" class=\"title\">")
                .append(escape(title))
                .append("</text>");
        svg.append(line(zero, TOP - 4, zero, TOP + rows.size() * ROW, "zero"));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Measure m = row.measure();
            double y = TOP + i * ROW + ROW / 2.0;
            svg.append("<text x=\"0\" y=\"")
                    .append(fmt(y + 4))
                    .append("\"")
                    .append(i == 0 ? " class=\"total\"" : "")
                    .append('>')
                    .append(escape(shorten(row.label())))
                    .append("</text>");
            if (m.difference() == null || m.difference().low() == null || m.finding() == Finding.NO_DATA) {
                svg.append("<text x=\"")
                        .append(fmt(zero + 6))
                        .append("\" y=\"")
                        .append(fmt(y + 4))
                        .append("\" class=\"none\">")
                        .append(escape(m.findingText()))
                        .append("</text>");
                continue;
            }
            String tone = tone(m);
            double low = zero + scaled(m, m.difference().low()) / extent * half;
            double high = zero + scaled(m, m.difference().high()) / extent * half;
            double at = zero + scaled(m, m.difference().value()) / extent * half;
            svg.append(line(low, y, high, y, tone));
            svg.append("<circle cx=\"")
                    .append(fmt(at))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"4\" class=\"")
                    .append(tone)
                    .append("\"><title>")
                    .append(escape(row.label() + ": "
                            + TrialSummary.number(m.kind(), m.difference().value(), locale, points) + " ("
                            + TrialSummary.number(m.kind(), m.difference().low(), locale, "") + " – "
                            + TrialSummary.number(m.kind(), m.difference().high(), locale, "") + "), "
                            + m.findingText()))
                    .append("</title></circle>");
        }
        double axis = TOP + rows.size() * ROW + 14;
        Kind kind = rows.isEmpty() ? Kind.MEAN : rows.get(0).measure().kind();
        double unscaled = kind == Kind.PROPORTION ? extent / 100 : extent;
        svg.append(label(LABEL, axis, TrialSummary.number(kind, -unscaled, locale, points), "start"));
        svg.append(label(zero, axis, "0", "middle"));
        svg.append(label(WIDTH - 10, axis, TrialSummary.number(kind, unscaled, locale, points), "end"));
        return svg.append("</svg>").toString();
    }

    /** Green: real and better; red: real and worse; grey: not real, or too few data. */
    static String tone(Measure m) {
        if (m.finding() != Finding.HIGHER && m.finding() != Finding.LOWER) {
            return "plain";
        }
        return (m.finding() == Finding.HIGHER) == m.higherIsBetter() ? "better" : "worse";
    }

    private static double scaled(Measure m, Double value) {
        return m.kind() == Kind.PROPORTION ? value * 100 : value;
    }

    private static String line(double x1, double y1, double x2, double y2, String css) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" class=\"" + css + "\"/>";
    }

    private static String label(double x, double y, String text, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" class=\"axis\">"
                + escape(text) + "</text>";
    }

    private static String shorten(String label) {
        return label.length() > 34 ? label.substring(0, 33) + "…" : label;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
