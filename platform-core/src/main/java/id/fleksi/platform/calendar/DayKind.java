package id.fleksi.platform.calendar;

/** Why a day is or is not a working day. */
public enum DayKind {
    WORKDAY,
    WEEKEND,
    NATIONAL_HOLIDAY,
    CUTI_BERSAMA,
    LOCAL_HOLIDAY,
    /** A rest day in a shift rotation. */
    SHIFT_REST;

    public boolean isWorking() {
        return this == WORKDAY;
    }
}
