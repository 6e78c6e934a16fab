package id.fleksi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "If a class passes ~300 lines, it is two classes" (STYLE.md): every production source file of the tree, as the
 * formatter lays it out, has at most 300 lines. Generated sources (under {@code target}) are not ours.
 */
class ClassSizeTest {

    static final int MOST = 300;

    @Test
    void noProductionSourceFileIsOver300Lines() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> over;
        try (Stream<Path> files = Files.walk(root)) {
            over = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .filter(path -> !path.toString().contains("/target/")
                            && !path.toString().contains("/.git/"))
                    .filter(path -> lines(path) > MOST)
                    .map(path -> root.relativize(path) + " (" + lines(path) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(over)
                .as("production classes over %d lines: split them", MOST)
                .isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
