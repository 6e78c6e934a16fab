package id.fleksi.platform.migration;

/** A schema could not be brought up to its changelog. */
public class MigrationException extends Exception {

    private final String schema;

    public MigrationException(String schema, String message, Throwable cause) {
        super("Migrating schema " + schema + " failed: " + message, cause);
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }
}
