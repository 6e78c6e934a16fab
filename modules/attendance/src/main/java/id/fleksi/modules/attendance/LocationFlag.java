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
    TOO_PERFECT
}
