package id.fleksi.modules.fwa;

/** Where and how an employee works on a date. */
public enum WorkMode {
    WFO,
    WFA,
    DINAS_LUAR,
    LEAVE,
    HOLIDAY
}
