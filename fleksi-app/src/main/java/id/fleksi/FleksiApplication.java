package id.fleksi;

import id.fleksi.app.cli.FleksiCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Fleksi: platform-core, tenant-provisioning and the feature modules, assembled. Without arguments it
 * serves; with a command ({@code up}, {@code tenant ...}, {@code migrate}) it is the operator's CLI.
 */
@SpringBootApplication
public class FleksiApplication {

    public static void main(String[] args) {
        int exitCode = FleksiCli.run(args);
        if (exitCode != FleksiCli.SERVING) {
            System.exit(exitCode);
        }
    }
}
