package id.fleksi.platform.tenancy;

/** A string that is not a valid tenant code; the message says why. */
public class InvalidTenantCodeException extends IllegalArgumentException {

    private final String rejected;

    public InvalidTenantCodeException(String rejected, String reason) {
        super("Invalid tenant code '" + abbreviate(rejected) + "': " + reason);
        this.rejected = rejected;
    }

    public String rejected() {
        return rejected;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
