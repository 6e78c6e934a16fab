package id.fleksi.dev.bench;

import java.util.List;

/** The hidden {@code fleksi bench-*} commands bench/ runs, each printing its figures (docs/benchmarks.md). */
public final class BenchCommands {

    private BenchCommands() {}

    public static List<Object> all() {
        return List.of(
                new BenchCommand(),
                new CheckInBenchCommand(),
                new HistoryBenchCommand(),
                new BigTenantBenchCommand(),
                new FwaBenchCommand(),
                new BundleBenchCommand(),
                new MonitoringBenchCommand(),
                new EvaluationBenchCommand(),
                new RealmsBenchCommand());
    }
}
