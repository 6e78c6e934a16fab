/**
 * The daily activity report (laporan kinerja harian). An employee files one or more activities a day, each
 * with output, time spent, an optional work-result plan (RHK) and optional evidence; the day locks at a
 * deadline; the direct supervisor approves or returns it. Through attendance's {@code CheckOutGuard} it
 * holds Fleksi's rule: at least one activity per working day before checking out, or the day is marked.
 */
@NullMarked
package id.fleksi.modules.reports;

import org.jspecify.annotations.NullMarked;
