package id.fleksi.app.settings;

import java.util.List;

/**
 * Fleksi refuses to start with these settings: each problem names the variable to set and why. Thrown before anything
 * is started, and shown by {@link SettingsRefusedAnalyzer} as one message.
 */
public class SettingsRefused extends RuntimeException {

    private final List<String> problems;

    public SettingsRefused(String why, List<String> problems) {
        super(why + ":\n"
                + String.join(
                        "\n", problems.stream().map(problem -> "  - " + problem).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
