package id.fleksi.provisioning.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs openssl or gpg the way an operator would, so that the bundle tests prove our bytes are the standard
 * ones rather than merely consistent with themselves.
 */
final class ExternalCommand {

    private static final long TIMEOUT_SECONDS = 60;

    private ExternalCommand() {}

    /** What the command printed (standard output and error together) and how it ended. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    static Result run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command[0], e);
        }
    }

    /** Like {@link #run}, but a failure of the command fails the test with what it printed. */
    static String succeed(Path directory, String... command) {
        Result result = run(directory, command);
        if (!result.succeeded()) {
            throw new AssertionError(
                    String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    private static byte[] readAll(InputStream in) {
        try (in;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
