/**
 * Closed periods: once BKD closes a month before pay, the figures of that month no longer change except through a
 * correction BKD records. {@link id.fleksi.platform.closing.ClosedPeriods} is the SPI a module implements (evaluation
 * does); {@link id.fleksi.platform.closing.OpenPeriods} is what the modules that write a day's facts (attendance,
 * activity reports, FWA) ask before they write. Without an implementation, or with its module off for the tenant,
 * every period is open.
 */
@NullMarked
package id.fleksi.platform.closing;

import org.jspecify.annotations.NullMarked;
