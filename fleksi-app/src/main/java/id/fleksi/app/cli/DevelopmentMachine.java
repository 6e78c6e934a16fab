package id.fleksi.app.cli;

import java.util.List;
import java.util.ServiceLoader;

/**
 * What fleksi-dev adds to the {@code fleksi} command on a developer's machine, found through {@link ServiceLoader}:
 * its commands ({@code up} and the hidden benchmarks) and the services it finds or starts (the PostgreSQL on
 * 127.0.0.1:5432 or an embedded one, Keycloak from its distribution). fleksi-app's own jar, the one a production
 * server runs, has none, so nothing there can seed a demo, weaken a realm for a load test or start a database.
 */
public interface DevelopmentMachine {

    /** picocli command objects added to {@code fleksi}. */
    List<Object> commands();

    /** The services for a command; with {@code startUp}, also start Keycloak ({@code up}, the benchmarks). */
    CommandServices services(boolean startUp);

    /** fleksi-dev's, when its jar is on the class path. */
    static java.util.Optional<DevelopmentMachine> present() {
        return ServiceLoader.load(DevelopmentMachine.class).findFirst();
    }
}
