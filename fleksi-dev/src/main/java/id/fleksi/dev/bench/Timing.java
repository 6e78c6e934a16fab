package id.fleksi.dev.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** One call's figures in a benchmark: its first (cold) call, and its warm calls sorted for their percentiles. */
record Timing(double cold, List<Double> sorted) {

    double at(int percentile) {
        return Timings.percentile(sorted, percentile);
    }

    /**
     * Each series (a view and what it is compared with) called once, its cold figure, then {@code calls} times, the
     * series taking turns and the members of each in order.
     */
    static List<List<Timing>> inTurns(List<List<Supplier<Object>>> series, int calls) {
        List<List<Double>> cold = new ArrayList<>();
        List<List<List<Double>>> warm = new ArrayList<>();
        for (List<Supplier<Object>> members : series) {
            List<Double> first = new ArrayList<>();
            List<List<Double>> each = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                first.add(Timings.millisOf(members.get(m)));
                each.add(new ArrayList<>());
            }
            cold.add(first);
            warm.add(each);
        }
        for (int i = 0; i < calls; i++) {
            for (int t = 0; t < series.size(); t++) {
                for (int m = 0; m < series.get(t).size(); m++) {
                    warm.get(t).get(m).add(Timings.millisOf(series.get(t).get(m)));
                }
            }
        }
        List<List<Timing>> timings = new ArrayList<>();
        for (int t = 0; t < series.size(); t++) {
            List<Timing> each = new ArrayList<>();
            for (int m = 0; m < series.get(t).size(); m++) {
                List<Double> sorted = new ArrayList<>(warm.get(t).get(m));
                Collections.sort(sorted);
                each.add(new Timing(cold.get(t).get(m), sorted));
            }
            timings.add(each);
        }
        return timings;
    }
}
