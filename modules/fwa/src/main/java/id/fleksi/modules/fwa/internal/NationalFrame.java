package id.fleksi.modules.fwa.internal;

/** The national rules every tenant's policy lives within. */
public final class NationalFrame {

    private NationalFrame() {}

    /**
     * PermenPANRB 4/2025 art. 13(1): flexible location for at most two working days a week per employee.
     * Windows set by a national circular (e.g. 29-31 December 2025) are the ministry's own and are not counted.
     */
    public static final int MAX_FLEXIBLE_DAYS_A_WEEK = 2;

    public static final String CAP_RULE = "PermenPANRB 4/2025 art. 13(1): at most " + MAX_FLEXIBLE_DAYS_A_WEEK
            + " working days a week away from the office";

    /** Perpres 21/2023: the working week is 37.5 hours, whatever the flexible hours. */
    public static final double WEEKLY_HOURS = 37.5;
}
