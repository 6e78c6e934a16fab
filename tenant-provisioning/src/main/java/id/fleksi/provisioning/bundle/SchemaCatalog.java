package id.fleksi.provisioning.bundle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A tenant schema's tables, their columns, and its foreign keys. */
final class SchemaCatalog {

    /** Liquibase's lock: never data, rebuilt by every migration. */
    static final String LIQUIBASE_LOCK = "databasechangeloglock";
    /** Liquibase's history: rebuilt by an import as its change sets run, and compared with the bundle's. */
    static final String LIQUIBASE_HISTORY = "databasechangelog";

    private SchemaCatalog() {
    }

    /** The schema's ordinary tables (partitions through their parent), by name, without Liquibase's lock. */
    static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind = 'r' and not c.relispartition and c.relname <> ?
                order by c.relname""")) {
            statement.setString(1, schema);
            statement.setString(2, LIQUIBASE_LOCK);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    static List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(TenantExport::quote).collect(Collectors.joining(", "));
    }

    /** A foreign key as PostgreSQL would write it again. */
    record ForeignKey(String table, String name, String definition) {
    }

    /**
     * The schema's foreign keys. A load drops them, copies every table, and adds them again, which checks every row at
     * once: the keys form cycles (a unit's head is an employee, an employee's unit is a unit), so no table order works.
     */
    static List<ForeignKey> foreignKeys(Connection connection, String schema) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select c.relname, k.conname, pg_get_constraintdef(k.oid) from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = k.connamespace
                where k.contype = 'f' and n.nspname = ? order by c.relname, k.conname""")) {
            statement.setString(1, schema);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return keys;
    }
}
