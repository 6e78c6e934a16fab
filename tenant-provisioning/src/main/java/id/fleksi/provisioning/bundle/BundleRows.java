package id.fleksi.provisioning.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A bundle's rows into the tenant's schema as Liquibase has just built it, in one transaction, the way pg_restore loads
 * a dump: into bare tables, each index built once over the loaded rows afterwards. The foreign keys, the primary, unique
 * and exclusion constraints and the other indexes are dropped, every table is copied in and its rows counted against
 * the manifest, then the indexes and constraints are built again (a unique one checks every row as it is built) and the
 * foreign keys added again (which checks every row against them). Kept up row by row instead, the indexes made the load
 * twice as slow. DDL is transactional in PostgreSQL: a failure anywhere rolls all of it back, and no one else sees the
 * schema without its keys.
 */
final class BundleRows {

    /**
     * For the index builds of this one transaction. PostgreSQL's default (64 MB) sorts a few million rows of an index in
     * memory; a tenant with more spills to disk, which is slower but as correct.
     */
    private static final String INDEX_BUILD_MEMORY = "256MB";

    private BundleRows() {}

    /** Loads every table of the bundle into {@code schema}; returns each table's rows as counted after its load. */
    static Map<String, Long> load(DataSource dataSource, OpenedBundle bundle, String schema, Consumer<String> progress)
            throws SQLException, IOException {
        Map<String, BundleManifest.Table> tables = new LinkedHashMap<>();
        bundle.manifest().tables().forEach(t -> tables.put(t.name(), t));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> here = SchemaCatalog.tables(connection, schema);
                for (String table : tables.keySet()) {
                    if (!here.contains(table)) {
                        throw new IllegalStateException(
                                "the bundle has table " + table + ", which its change sets do not make");
                    }
                }
                List<SchemaCatalog.ForeignKey> keys = SchemaCatalog.foreignKeys(connection, schema);
                List<SchemaCatalog.Index> indexes = SchemaCatalog.indexes(connection, schema);
                try (Statement statement = connection.createStatement()) {
                    for (SchemaCatalog.ForeignKey key : keys) {
                        statement.execute(
                                "alter table " + name(schema, key.table()) + " drop constraint " + quote(key.name()));
                    }
                    for (SchemaCatalog.Index index : indexes) {
                        statement.execute(
                                index.ownedByConstraint()
                                        ? "alter table " + name(schema, index.table()) + " drop constraint "
                                                + quote(index.constraint())
                                        : "drop index " + name(schema, index.name()));
                    }
                }
                // The rows arrive as the source held them, with what its triggers derived (a report day's count of
                // activities): triggers running again would count it twice.
                try (Statement statement = connection.createStatement()) {
                    for (String table : here) {
                        statement.execute("alter table " + name(schema, table) + " disable trigger user");
                    }
                }
                Map<String, Long> counted = copyIn(connection, bundle, schema, tables, progress);
                try (Statement statement = connection.createStatement()) {
                    for (String table : here) {
                        statement.execute("alter table " + name(schema, table) + " enable trigger user");
                    }
                    statement.execute("set local maintenance_work_mem = '" + INDEX_BUILD_MEMORY + "'");
                    for (SchemaCatalog.Index index : indexes) {
                        statement.execute(
                                index.ownedByConstraint()
                                        ? "alter table " + name(schema, index.table()) + " add constraint "
                                                + quote(index.constraint()) + " " + index.definition()
                                        : index.definition());
                    }
                    progress.accept("indexes: " + indexes.size() + " built over the loaded rows");
                    for (SchemaCatalog.ForeignKey key : keys) {
                        statement.execute("alter table " + name(schema, key.table()) + " add constraint "
                                + quote(key.name()) + " " + key.definition());
                    }
                    progress.accept("foreign keys: " + keys.size() + " checked against every row");
                }
                setSequences(connection, bundle, schema);
                connection.commit();
                connection.setAutoCommit(true);
                return counted;
            } catch (Throwable e) { // even an Error: half a load must never be committed
                rollBack(connection, e);
                throw e;
            }
        }
    }

    private static Map<String, Long> copyIn(
            Connection connection,
            OpenedBundle bundle,
            String schema,
            Map<String, BundleManifest.Table> tables,
            Consumer<String> progress)
            throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> counted = new LinkedHashMap<>();
        int done = 0;
        for (BundleManifest.Table table : tables.values()) {
            done++;
            if (table.name().equals(SchemaCatalog.LIQUIBASE_HISTORY)) { // rebuilt by the change sets just run
                progress.accept(
                        "table " + done + "/" + tables.size() + " " + table.name() + ": " + table.rows()
                                + " rows, written by Liquibase as it built the schema (compared with the bundle's after the load)");
                continue;
            }
            try (InputStream rows = bundle.part(table.part())) {
                copy.copyIn(
                        "COPY " + name(schema, table.name()) + " (" + SchemaCatalog.columnList(table.columns())
                                + ") FROM STDIN",
                        rows);
            }
            long count = count(connection, schema, table.name());
            if (count != table.rows()) {
                throw new IllegalStateException("table " + table.name() + " holds " + count + " rows after loading, the"
                        + " manifest says " + table.rows());
            }
            counted.put(table.name(), count);
            progress.accept("table " + done + "/" + tables.size() + " " + table.name() + ": " + count + " rows, "
                    + Sizes.human(table.bytes()));
        }
        return counted;
    }

    /**
     * Rolls the load back. When its connection is the cause (PostgreSQL stopped, the session terminated), the rollback
     * fails too and the transaction is gone with the session: the cause stays what the operator reads.
     */
    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void setSequences(Connection connection, OpenedBundle bundle, String schema) throws SQLException {
        for (BundleManifest.Sequence sequence : bundle.manifest().sequences()) {
            try (var statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
                statement.setString(1, name(schema, sequence.name()));
                statement.setLong(2, sequence.lastValue());
                statement.setBoolean(3, sequence.called());
                statement.execute();
            }
        }
    }

    private static long count(Connection connection, String schema, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from " + name(schema, table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String name(String schema, String object) {
        return quote(schema) + "." + quote(object);
    }

    private static String quote(String identifier) {
        return TenantExport.quote(identifier);
    }
}
