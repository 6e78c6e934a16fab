package id.fleksi.modules.attendance;

/**
 * Why a fix deserves a second look. A flag never drops a check-in; it puts it on the review list of the
 * employee's supervisor and BKD.
 */
public enum LocationFlag {
    /** The phone itself said the location came from a mock provider (fake-GPS apps). */
    MOCK_LOCATION,
    /** The fix's accuracy circle is wider than the tenant accepts without a look. */
    POOR_ACCURACY,
    /** Faster than an airliner from the employee's previous fix. */
    IMPOSSIBLE_TRAVEL,
    /** The same device checked in for another employee within a week. */
    SHARED_DEVICE,
    /** The very same coordinates as on earlier days: real GPS wanders by metres, replayed fixes do not. */
    TOO_PERFECT,
    /** No fix at all (the phone's location was denied or unavailable), taken on a day that may be worked anywhere. */
    NO_LOCATION;

    /** The flags as the column stores them: a {@code text[]} of their names, sorted. */
    public static String[] column(java.util.Set<LocationFlag> flags) {
        return flags.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    public static java.util.Set<LocationFlag> read(java.sql.Array column) throws java.sql.SQLException {
        java.util.Set<LocationFlag> flags = java.util.EnumSet.noneOf(LocationFlag.class);
        for (String flag : (String[]) column.getArray()) {
            flags.add(LocationFlag.valueOf(flag));
        }
        return flags;
    }
}
