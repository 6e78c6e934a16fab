package id.fleksi.app.bundle;

import id.fleksi.FleksiApplication;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * A {@code fleksi} command run as an operator runs it: a JVM of its own on this test's class path, pointed at an instance by
 * the environment alone. It can be stopped for good at the first line of its output that matches a pattern (a line the
 * command prints as it goes, such as an import's {@code table 5/24 employee: ...}), so that a test can kill it there: the
 * kill is real, the place is not left to chance.
 */
final class FleksiProcess implements AutoCloseable {

    private static final String STALL_AT = "fleksi.test.stall-at";

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private boolean outputEnded;

    private FleksiProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "fleksi-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code fleksi ARGUMENTS} with only these {@code FLEKSI_*} variables, stalling at the first line of output that
     * matches {@code stallAt}.
     */
    static FleksiProcess start(Map<String, String> fleksiVariables, Pattern stallAt, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-D" + STALL_AT + "=" + stallAt.pattern(),
                "-cp",
                System.getProperty("java.class.path")));
        String keycloakHome = System.getProperty("fleksi.keycloak.home");
        if (keycloakHome != null) {
            command.add("-Dfleksi.keycloak.home=" + keycloakHome);
        }
        command.add(FleksiProcess.class.getName());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("FLEKSI_"));
        builder.environment().putAll(fleksiVariables);
        try {
            return new FleksiProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a line of output that matches, and returns it; fails with the output so far if none comes. */
    String awaitLine(Pattern line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (; seen < output.size(); seen++) {
                    if (line.matcher(output.get(seen)).matches()) {
                        return output.get(seen);
                    }
                }
                if (outputEnded) {
                    break;
                }
                output.wait(200);
            }
        }
        String end = process.waitFor(5, TimeUnit.SECONDS)
                ? "before it ended with exit code " + process.exitValue()
                : "within " + timeout;
        throw new AssertionError(
                "no line matching '" + line + "' from fleksi " + end + "; its output:\n" + String.join("\n", output()));
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL on Linux: the JVM runs nothing more, no finally block, no shutdown hook, no connection close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("fleksi (pid " + process.pid() + ") still runs 30 s after SIGKILL");
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            synchronized (output) {
                outputEnded = true;
                output.notifyAll();
            }
        }
    }

    /**
     * The process's entry point: Fleksi's own {@code main}, with standard output that stops the printing thread for good
     * after the first line matching {@code -Dfleksi.test.stall-at} (printed and flushed first, so the test sees it).
     */
    public static void main(String[] arguments) {
        Pattern stallAt = Pattern.compile(System.getProperty(STALL_AT, "(?!)"));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line != null && stallAt.matcher(line).matches()) {
                    while (true) {
                        LockSupport.park(this);
                    }
                }
            }
        });
        FleksiApplication.main(arguments);
    }
}
