package id.fleksi.modules.evaluation.trial;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.evaluation.trial.TrialVerdict.Finding;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Kind;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Side;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The figures as the page writes them in Bahasa Indonesia, and the chart drawn from them. */
class TrialFiguresTest {

    static final Measure ATTENDANCE = new Measure(
            "attendance",
            "Kehadiran",
            Kind.PROPORTION,
            true,
            new Side(1000, 950, 0.95, 0.935, 0.962),
            new Side(1000, 962, 0.962, 0.948, 0.972),
            new Side(2000, 0.012, 0.012, -0.007, 0.031),
            Finding.NO_DIFFERENCE,
            "tidak ada perbedaan yang nyata",
            40);
    static final Measure FLAGGED = new Measure(
            "flaggedCheckIns",
            "Presensi ditandai",
            Kind.PROPORTION,
            false,
            new Side(1000, 10, 0.01, 0.005, 0.018),
            new Side(1000, 30, 0.03, 0.021, 0.043),
            new Side(2000, 0.02, 0.02, 0.008, 0.033),
            Finding.HIGHER,
            "naik, perbedaannya nyata",
            40);

    final TrialFigures figures = new TrialFigures(Locale.forLanguageTag("id"), "poin");

    @Test
    void aShareIsWrittenWithItsCountsItsIntervalAndItsDifferenceInPoints() {
        assertThat(figures.value(ATTENDANCE, ATTENDANCE.baseline())).isEqualTo("95,0%");
        assertThat(figures.counts(ATTENDANCE, ATTENDANCE.baseline())).isEqualTo("950/1.000");
        assertThat(figures.interval(ATTENDANCE, ATTENDANCE.trial())).isEqualTo("94,8% – 97,2%");
        assertThat(figures.difference(ATTENDANCE)).isEqualTo("+1,2 poin (-0,7 – +3,1)");
        assertThat(figures.tone(ATTENDANCE)).isEqualTo("plain");
        assertThat(figures.tone(FLAGGED))
                .as("more flagged check-ins, a real difference, is worse")
                .isEqualTo("worse");
    }

    @Test
    void theChartDrawsARowPerOpdWithItsIntervalAndEscapesNames() {
        TrialVerdict verdict = new TrialVerdict(
                "mateng",
                "Mateng",
                null,
                List.of("Periode pembanding", "Uji coba"),
                new TrialVerdict.Cohort(40, List.of()),
                null,
                List.of(FLAGGED),
                List.of(new TrialVerdict.Opd(
                        UUID.randomUUID(), "KESBANG", "Kesatuan Bangsa & Politik", 40, List.of(FLAGGED))),
                List.of(),
                TrialVerdict.Conclusion.WORSE,
                java.time.Instant.EPOCH);

        String svg = figures.charts(verdict, "Seluruh pemda").get(0).svg();

        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .endsWith("</svg>")
                .contains(">Seluruh pemda</text>", ">Kesatuan Bangsa &amp; Politik</text>", "+2,0 poin (+0,8 – +3,3)");
        assertThat(svg.split("<circle", -1)).as("a dot per row").hasSize(3);
        assertThat(svg).contains("class=\"worse\"").doesNotContain("class=\"better\"");
    }
}
