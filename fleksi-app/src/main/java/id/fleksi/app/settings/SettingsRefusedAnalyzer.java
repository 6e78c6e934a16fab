package id.fleksi.app.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows {@link SettingsRefused} as Spring Boot's start-up failure report: what is wrong, then what to do. */
class SettingsRefusedAnalyzer extends AbstractFailureAnalyzer<SettingsRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingsRefused cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set each variable named above in Fleksi's environment, or put the"
                        + " value in a file and name it with the variable's name followed by _FILE (FLEKSI_DB_PASSWORD_FILE=...)."
                        + " Every setting is listed in README.md, \"Configuration\".",
                cause);
    }
}
