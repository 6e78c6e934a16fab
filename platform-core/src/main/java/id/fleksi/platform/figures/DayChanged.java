package id.fleksi.platform.figures;

import id.fleksi.platform.modules.TenantEvent;
import id.fleksi.platform.tenancy.TenantCode;

/**
 * Something that counts in a tenant's day was recorded here: a check-in or check-out, an absence decided, an activity
 * of a daily report added or removed, an employee added, changed or retired. Published by the module that recorded it, inside its transaction if it had one;
 * whoever keeps the day's figures in memory (the live view) drops them once it is committed, so this replica shows its
 * own changes at once. Other replicas do not hear of it: what they keep, they keep for seconds only.
 */
public record DayChanged(TenantCode tenant) implements TenantEvent {}
