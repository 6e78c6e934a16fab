package id.fleksi.provisioning.bundle;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One import of a tenant at a time, across every replica: a PostgreSQL session-level advisory lock held on a connection
 * of its own for the whole import. A crashed import's connection dies with it and its lock goes too, which is how the
 * next import knows the remains it finds are not another import's work in progress.
 */
final class ImportLock implements AutoCloseable {

    private final Connection connection;
    private final String key;

    private ImportLock(Connection connection, String key) {
        this.connection = connection;
        this.key = key;
    }

    static ImportLock take(DataSource dataSource, TenantCode code) {
        String key = "fleksi-import:" + code.value();
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                statement.setString(1, key);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        connection.close();
                        throw Problem.conflict(
                                        "import-running",
                                        "Import already running",
                                        "An import of '" + code
                                                + "' is running now; wait for it to finish. Nothing was written.")
                                .values(code);
                    }
                }
            }
            return new ImportLock(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the import lock of " + code + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection;
                var statement = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
            statement.setString(1, key);
            statement.execute();
        } catch (SQLException e) {
            // the connection's end releases the lock as well
        }
    }
}
