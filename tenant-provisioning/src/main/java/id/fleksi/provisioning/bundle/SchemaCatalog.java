package id.fleksi.provisioning.bundle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A tenant schema's tables, their columns, its foreign keys and its indexes. */
final class SchemaCatalog {

    /** Liquibase's lock: never data, rebuilt by every migration. */
    static final String LIQUIBASE_LOCK = "databasechangeloglock";
    /** Liquibase's history: rebuilt by an import as its change sets run, and compared with the bundle's. */
    static final String LIQUIBASE_HISTORY = "databasechangelog";

    private SchemaCatalog() {}

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
    record ForeignKey(String table, String name, String definition) {}

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

    /**
     * An index as PostgreSQL would build it again: a primary key, unique or exclusion constraint by its constraint
     * ({@code constraint} is its name, {@code definition} the constraint's), any other index by its own definition.
     */
    record Index(String table, String name, String constraint, String definition) {

        boolean ownedByConstraint() {
            return constraint != null;
        }
    }

    /**
     * The indexes of the schema's tables, the constraints' first. A load drops them with the foreign keys and builds
     * each once over the loaded rows, as pg_restore does, instead of keeping every one up to date row by row.
     */
    static List<Index> indexes(Connection connection, String schema) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select t.relname as table_name, i.relname as index_name, k.conname as constraint_name,
                  coalesce(pg_get_constraintdef(k.oid), pg_get_indexdef(i.oid)) as definition
                from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                left join pg_constraint k on k.conindid = i.oid and k.conrelid = t.oid and k.contype in ('p', 'u', 'x')
                where n.nspname = ? and t.relkind = 'r' and t.relname not in (?, ?)
                order by k.oid is null, t.relname, i.relname""")) {
            statement.setString(1, schema);
            statement.setString(2, LIQUIBASE_LOCK);
            statement.setString(3, LIQUIBASE_HISTORY);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.add(new Index(
                            rows.getString("table_name"),
                            rows.getString("index_name"),
                            rows.getString("constraint_name"),
                            rows.getString("definition")));
                }
            }
        }
        return indexes;
    }
}
