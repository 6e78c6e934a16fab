package id.fleksi.provisioning.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, as Maven wrote it into the jar; {@code development} when run from classes. */
final class FleksiVersion {

    private FleksiVersion() {}

    static String current() {
        try (InputStream in = FleksiVersion.class.getResourceAsStream(
                "/META-INF/maven/id.fleksi/tenant-provisioning/pom.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
