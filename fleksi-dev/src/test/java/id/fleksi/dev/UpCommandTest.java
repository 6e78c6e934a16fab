package id.fleksi.dev;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.cli.FleksiCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fleksi-dev's jar adds {@code up} to the application's commands (found through {@code DevelopmentMachine}), and
 * {@code up} refuses production mode before it starts or seeds anything.
 */
class UpCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream systemOut = System.out;
    private final PrintStream systemErr = System.err;

    @AfterEach
    void restore() {
        System.setOut(systemOut);
        System.setErr(systemErr);
        System.clearProperty("FLEKSI_MODE");
    }

    @Test
    void theDevelopmentJarListsUpBesideTheApplicationsCommands() {
        int exitCode = fleksi("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("  up ")
                .contains("  migrate ")
                .contains("  tenant ")
                .doesNotContain("bench-checkin"); // the benchmarks are there, hidden from the help
        err.reset();
        assertThat(fleksi("bench-checkin", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Usage: fleksi bench-checkin --dir=<dir>") // the command is there and reads its options
                .doesNotContain("Unmatched argument");
    }

    @Test
    void upRefusesProductionModeBeforeStartingAnything() {
        System.setProperty("FLEKSI_MODE", "production");

        int exitCode = fleksi("up");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("with FLEKSI_MODE=production, start Fleksi without a command");
    }

    private int fleksi(String... args) {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return FleksiCli.run(args);
    }
}
