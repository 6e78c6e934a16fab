package id.fleksi.modules.evaluation.trial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The intervals against published values: Wilson's (Newcombe 1998, table I), Newcombe's difference, Student's t. */
class IntervalsTest {

    @Test
    void wilsonMatchesNewcombesTable() {
        assertThat(Intervals.wilson(81, 263).low()).isCloseTo(0.2553, within(0.0001));
        assertThat(Intervals.wilson(81, 263).high()).isCloseTo(0.3662, within(0.0001));
        assertThat(Intervals.wilson(0, 10).low()).isZero();
        assertThat(Intervals.wilson(0, 10).high()).isCloseTo(0.2775, within(0.0001));
        assertThat(Intervals.wilson(10, 10).low()).isCloseTo(0.7225, within(0.0001));
    }

    @Test
    void newcombesDifferenceMatchesHisWorkedExample() {
        // Newcombe 1998 (Stat Med 17:873), example (a): 56/70 against 48/80, difference 0.2 with interval 0.0524 to
        // 0.3339;
        // here the second minus the first.
        Intervals.Interval d = Intervals.difference(48, 80, 56, 70);
        assertThat(d.estimate()).isCloseTo(0.2, within(1e-9));
        assertThat(d.low()).isCloseTo(0.0524, within(0.0001));
        assertThat(d.high()).isCloseTo(0.3339, within(0.0001));
        assertThat(d.excludesZero()).isTrue();
    }

    @Test
    void studentsQuantilesMatchTheTable() {
        assertThat(Intervals.t975(1)).isCloseTo(12.7062, within(0.0001));
        assertThat(Intervals.t975(3)).isCloseTo(3.1824, within(0.0001));
        assertThat(Intervals.t975(5)).isCloseTo(2.5706, within(0.001));
        assertThat(Intervals.t975(10)).isCloseTo(2.2281, within(0.0001));
        assertThat(Intervals.t975(30)).isCloseTo(2.0423, within(0.0001));
        assertThat(Intervals.t975(1000)).isCloseTo(1.9623, within(0.0001));
    }

    @Test
    void welchOnTwoSmallSamples() {
        // {1, 3} against {2, 4, 6}: means 2 and 4, variances 2 and 4, df = (1 + 4/3)^2 / (1/1 + (16/9)/2) = 2.88.
        Intervals.Interval d = Intervals.welch(2, 4, 10, 3, 12, 56);
        double se = Math.sqrt(1 + 4.0 / 3);
        double df = Math.pow(1 + 4.0 / 3, 2) / (1 + 16.0 / 9 / 2);
        assertThat(d.estimate()).isCloseTo(2, within(1e-9));
        assertThat(d.high() - d.estimate()).isCloseTo(Intervals.t975(df) * se, within(1e-9));
        assertThat(d.excludesZero()).isFalse();
        assertThat(Intervals.mean(3, 12, 56).low()).isCloseTo(4 - 4.3027 * Math.sqrt(4.0 / 3), within(0.0001));
    }
}
