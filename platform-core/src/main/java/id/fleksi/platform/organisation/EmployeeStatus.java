package id.fleksi.platform.organisation;

/** Where an employee stands; a retired employee's realm user is disabled. */
public enum EmployeeStatus {
    ACTIVE,
    ON_LEAVE,
    SANCTIONED,
    RETIRED
}
