package id.fleksi.dev;

import id.fleksi.app.cli.CommandServices;
import id.fleksi.app.cli.DevelopmentMachine;
import id.fleksi.app.cli.FleksiCli;
import id.fleksi.dev.bench.BenchCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * Fleksi on a developer's machine: the application's own commands, plus {@code up} (with the demo) and the benchmarks,
 * against services found or started here ({@link LocalServices}). {@code ./fleksi} and {@code bench/*} run this jar;
 * a production server runs fleksi-app's, which has none of it.
 */
public final class FleksiDev implements DevelopmentMachine {

    public static void main(String[] args) {
        int exitCode = FleksiCli.run(args);
        if (exitCode != FleksiCli.SERVING) {
            System.exit(exitCode);
        }
    }

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
