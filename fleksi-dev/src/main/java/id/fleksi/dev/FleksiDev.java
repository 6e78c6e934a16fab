package id.fleksi.dev;

import id.fleksi.app.cli.CommandServices;
import id.fleksi.app.cli.DevelopmentMachine;
import id.fleksi.dev.bench.BenchCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * Fleksi on a developer's machine: the application's own commands, plus {@code up} (with the demo) and the benchmarks,
 * against services found or started here ({@link LocalServices}). {@code ./fleksi} and {@code bench/*} run this jar
 * (whose main class is the application's own, {@code FleksiApplication}, which finds this class through
 * {@code ServiceLoader}); a production server runs fleksi-app's, which has none of it.
 */
public final class FleksiDev implements DevelopmentMachine {

    @Override
    public List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        commands.add(new UpCommand());
        commands.addAll(BenchCommands.all());
        return commands;
    }

    @Override
    public CommandServices services(boolean startUp) {
        return LocalServices.prepare(startUp);
    }
}
