package id.fleksi.platform.tenancy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's code, such as {@code mateng}: the realm name, and (prefixed) the schema name. Validated by a
 * strict pattern before it can reach SQL or Keycloak, so a {@code TenantCode} is always safe to splice into an
 * identifier.
 */
public record TenantCode(String value) {

    public static final int MAX_LENGTH = 30;
    private static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)*");
    /** Names taken by the platform itself, PostgreSQL or Keycloak. */
    private static final Set<String> RESERVED = Set.of(
            "platform",
            "master",
            "admin",
            "public",
            "postgres",
            "information_schema",
            "api",
            "fleksi",
            "keycloak",
            "none",
            "tenant",
            "template0",
            "template1");

    public TenantCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidTenantCodeException(value, problem);
        }
    }

    public static TenantCode of(String value) {
        return new TenantCode(value);
    }

    /** Why a string is not a tenant code, in words for the person who typed it; null when it is one. */
    public static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "a tenant code is required";
        }
        if (value.length() < 2 || value.length() > MAX_LENGTH) {
            return "a tenant code has 2 to " + MAX_LENGTH + " characters, this one has " + value.length();
        }
        if (!PATTERN.matcher(value).matches()) {
            return "a tenant code uses lower-case letters a-z and digits, starts with a letter, and may join words"
                    + " with single underscores (e.g. mateng, kab_bandung)";
        }
        if (RESERVED.contains(value) || value.startsWith("pg_")) {
            return "'" + value + "' is reserved by the platform";
        }
        return null;
    }

    /** The PostgreSQL schema holding this tenant's data. */
    public String schemaName() {
        return "tenant_" + value;
    }

    /** The Keycloak realm of this tenant's users. */
    public String realmName() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
