package id.fleksi.platform.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies changelogs, in order, to one schema with Liquibase, then checks the schema's own
 * {@code databasechangelog} holds every change set of them. A tenant schema gets the core changelog, then
 * each feature module's in dependency order.
 *
 * <p>Every run is serialised by one JVM-wide lock: Liquibase's clean-up resets every lock service in the JVM
 * (liquibase #7220), so two concurrent updates leave another schema's lock stuck. Its "fast check" cache is
 * cleared before each run, since it has skipped schemas silently (liquibase #4304, #5784, #7549).
 */
final class ChangeLogRunner {

    private static final ReentrantLock ONE_UPDATE_PER_JVM = new ReentrantLock();

    private final DataSource dataSource;
    private final List<String> changelogs;
    private final ResourceAccessor resources;
    private volatile Set<String> expected;

    ChangeLogRunner(DataSource dataSource, List<String> changelogs) {
        this(dataSource, changelogs, ChangeLogRunner.class.getClassLoader());
    }

    /** Reading the changelogs through {@code classLoader}: the application's, which sees external modules' jars. */
    ChangeLogRunner(DataSource dataSource, List<String> changelogs, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.changelogs = List.copyOf(changelogs);
        this.resources = new ClassLoaderResourceAccessor(classLoader);
    }

    /** The change sets of the changelogs, as {@code id::author}, in order. */
    Set<String> expectedChangeSets() {
        Set<String> result = expected;
        if (result == null) {
            result = new LinkedHashSet<>();
            for (String changelog : changelogs) {
                try {
                    DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance()
                            .getParser(changelog, resources)
                            .parse(changelog, new ChangeLogParameters(), resources);
                    for (ChangeSet changeSet : parsed.getChangeSets()) {
                        result.add(changeSet.getId() + "::" + changeSet.getAuthor());
                    }
                } catch (LiquibaseException e) {
                    throw new IllegalStateException("Cannot read changelog " + changelog + ": " + e.getMessage(), e);
                }
            }
            expected = result;
        }
        return result;
    }

    /** The change sets of each changelog, as {@code id::author}, in order. */
    private List<List<String>> changeSetsPerChangelog() {
        List<List<String>> result = new java.util.ArrayList<>();
        for (String changelog : changelogs) {
            try {
                DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance()
                        .getParser(changelog, resources)
                        .parse(changelog, new ChangeLogParameters(), resources);
                result.add(parsed.getChangeSets().stream()
                        .map(c -> c.getId() + "::" + c.getAuthor())
                        .toList());
            } catch (LiquibaseException e) {
                throw new IllegalStateException("Cannot read changelog " + changelog + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /**
     * Builds a new schema as an earlier release left it: of each changelog, only the change sets named, which must be
     * its first ones (changelogs only grow at their end). A bundle from an older Fleksi is loaded into this, then
     * migrated forward by {@link #update}.
     *
     * @throws MigrationException if a named change set is unknown here, or the named ones are not the start of a changelog
     */
    void updateTo(String schema, String context, Set<String> changeSets) throws MigrationException {
        List<List<String>> perChangelog = changeSetsPerChangelog();
        Set<String> known = new LinkedHashSet<>();
        perChangelog.forEach(known::addAll);
        List<String> unknown =
                changeSets.stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new MigrationException(schema, "change sets unknown to this build: " + unknown, null);
        }
        int[] counts = new int[perChangelog.size()];
        for (int i = 0; i < counts.length; i++) {
            List<String> all = perChangelog.get(i);
            int n = (int) all.stream().filter(changeSets::contains).count();
            if (!changeSets.containsAll(all.subList(0, n))) {
                throw new MigrationException(
                        schema,
                        "the change sets of " + changelogs.get(i) + " are not the start of" + " this build's: "
                                + all.stream().filter(changeSets::contains).toList(),
                        null);
            }
            counts[i] = n;
        }
        ONE_UPDATE_PER_JVM.lock();
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("create schema " + quote(schema));
            }
            connection.setSchema(schema);
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
                Liquibase liquibase = new Liquibase(changelogs.get(i), resources, database);
                int count = counts[i];
                Scope.child(
                        Scope.Attr.ui.name(),
                        new LoggerUIService(),
                        () -> liquibase.update(count, new Contexts(context), new LabelExpression()));
            }
        } catch (Exception e) {
            throw new MigrationException(schema, rootMessage(e), e);
        } finally {
            ONE_UPDATE_PER_JVM.unlock();
        }
        Set<String> applied = appliedChangeSets(schema);
        if (!applied.equals(changeSets)) {
            throw new MigrationException(
                    schema,
                    "the schema holds " + applied.size() + " change sets, not the " + changeSets.size() + " asked for",
                    null);
        }
    }

    /** The change sets recorded in the schema; empty if it has none yet. */
    Set<String> appliedChangeSets(String schema) {
        try (Connection connection = dataSource.getConnection();
                var exists = connection.prepareStatement(
                        "select 1 from information_schema.tables where table_schema = ? and table_name = 'databasechangelog'")) {
            exists.setString(1, schema);
            if (!exists.executeQuery().next()) {
                return Set.of();
            }
            Set<String> applied = new LinkedHashSet<>();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery(
                            "select id, author from " + quote(schema) + ".databasechangelog order by orderexecuted")) {
                while (rows.next()) {
                    applied.add(rows.getString(1) + "::" + rows.getString(2));
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the changelog table of schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings the schema up to the changelog, creating the schema if it is missing. Does nothing (and does
     * not start Liquibase) when the schema already holds every change set.
     *
     * @return the number of change sets now recorded in the schema
     */
    int update(String schema, String context) throws MigrationException {
        Set<String> before = appliedChangeSets(schema);
        if (before.containsAll(expectedChangeSets())) {
            return before.size();
        }
        ONE_UPDATE_PER_JVM.lock();
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("create schema if not exists " + quote(schema));
            }
            // Raw SQL change sets ignore Liquibase's default schema; the connection's schema covers them.
            connection.setSchema(schema);
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            for (String changelog : changelogs) {
                Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
                Liquibase liquibase = new Liquibase(changelog, resources, database);
                // Progress goes to the log, not to the console of whoever runs "fleksi migrate".
                Scope.child(
                        Scope.Attr.ui.name(),
                        new LoggerUIService(),
                        () -> liquibase.update(new Contexts(context), new LabelExpression()));
            }
        } catch (Exception e) {
            throw new MigrationException(schema, rootMessage(e), e);
        } finally {
            ONE_UPDATE_PER_JVM.unlock();
        }
        Set<String> applied = appliedChangeSets(schema);
        if (!applied.containsAll(expectedChangeSets())) {
            List<String> missing = expectedChangeSets().stream()
                    .filter(c -> !applied.contains(c))
                    .toList();
            throw new MigrationException(
                    schema, "Liquibase reported success but the schema lacks change sets " + missing, null);
        }
        return applied.size();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "..." : message;
    }
}
