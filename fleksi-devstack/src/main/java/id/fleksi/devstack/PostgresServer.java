package id.fleksi.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server Fleksi can use: the one named by {@code FLEKSI_DB_URL}, else one answering on
 * 127.0.0.1:5432. Knows how to make and drop databases on it, which {@code fleksi up} and the tests need.
 */
public record PostgresServer(String host, int port, String user, Optional<String> password, String database) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Finds a server the way {@code fleksi up} and the tests do.
     *
     * @param urlVariable the environment variable that may name one ({@code FLEKSI_DB_URL} or
     *                    {@code FLEKSI_TEST_DB_URL}), a JDBC URL; user and password from the URL's
     *                    parameters or {@code FLEKSI_DB_USER} / {@code FLEKSI_DB_PASSWORD}
     */
    public static PostgresServer locate(String urlVariable, String defaultDatabase) {
        String url = setting(urlVariable);
        if (url != null && !url.isBlank()) {
            return fromJdbcUrl(url);
        }
        if (answers("127.0.0.1", 5432)) {
            return new PostgresServer("127.0.0.1", 5432, "postgres", Optional.empty(), defaultDatabase);
        }
        throw new IllegalStateException("No PostgreSQL found: set " + urlVariable
                + " to a JDBC URL (jdbc:postgresql://host:5432/fleksi?user=...&password=...), or start a server on"
                + " 127.0.0.1:5432. On Debian: apt-get install postgresql; pg_ctlcluster 15 main start.");
    }

    static PostgresServer fromJdbcUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = setting("FLEKSI_DB_USER") == null ? "postgres" : setting("FLEKSI_DB_USER");
        String password = setting("FLEKSI_DB_PASSWORD");
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = kv[1];
                } else if (kv.length == 2 && kv[0].equals("password")) {
                    password = kv[1];
                }
            }
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new PostgresServer(
                uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, Optional.ofNullable(password), database);
    }

    /** A {@code FLEKSI_*} setting: a system property of that name, else the environment variable. */
    public static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    public PostgresServer withDatabase(String databaseName) {
        return new PostgresServer(host, port, user, password, databaseName);
    }

    public Connection connect(String databaseName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        return DriverManager.getConnection(jdbcUrl(databaseName), properties);
    }

    /** True when this server accepts a connection to that database (which needs no right to create one). */
    public boolean hasDatabase(String databaseName) {
        try (Connection ignored = connect(databaseName)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public void createDatabaseIfMissing(String databaseName) {
        requireSafeName(databaseName);
        try (Connection connection = connect("postgres");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, databaseName);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + databaseName);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create database " + databaseName + " on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    public void dropDatabase(String databaseName) {
        requireSafeName(databaseName);
        try (Connection connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + databaseName + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + databaseName + ": " + e.getMessage(), e);
        }
    }

    private static void requireSafeName(String databaseName) {
        if (!DATABASE_NAME.matcher(databaseName).matches()) {
            throw new IllegalArgumentException("Unsafe database name: " + databaseName);
        }
    }
}
