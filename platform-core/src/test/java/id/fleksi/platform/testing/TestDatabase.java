package id.fleksi.platform.testing;

import id.fleksi.devstack.PostgresServer;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL database of its own for each test JVM ({@code FLEKSI_TEST_DB_URL}, else 127.0.0.1:5432),
 * with a unique name, dropped when the JVM ends.
 */
public final class TestDatabase {

    private static final PostgresServer SERVER = PostgresServer.locate("FLEKSI_TEST_DB_URL", "postgres");
    private static volatile PostgresServer database;

    private TestDatabase() {}

    public static synchronized PostgresServer get() {
        if (database == null) {
            String name = "fleksi_test_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            SERVER.createDatabaseIfMissing(name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVER.dropDatabase(name)));
            database = SERVER.withDatabase(name);
        }
        return database;
    }

    public static PostgresServer server() {
        return SERVER;
    }

    /** Points Spring's data source at this JVM's test database. */
    public static void register(DynamicPropertyRegistry registry) {
        PostgresServer db = get();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", () -> db.password().orElse(""));
    }
}
