package id.fleksi.platform.migration;

import org.jspecify.annotations.Nullable;

/** A schema could not be brought up to its changelog. */
public class MigrationException extends Exception {

    private final String schema;

    public MigrationException(String schema, String message, @Nullable Throwable cause) {
        super("Migrating schema " + schema + " failed: " + message, cause);
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }
}
