/**
 * The flexible-work policy engine. A tenant's policy is versioned by effective date; {@link
 * id.fleksi.modules.fwa.WorkModes} gives the one answer for an employee and a date (WFO, WFA and where, dinas
 * luar, leave or holiday, the hours, and why), which attendance uses for its geofence rule. The national frame
 * of PermenPANRB 4/2025 (at most two flexible working days a week) is enforced in {@link
 * id.fleksi.modules.fwa.internal.NationalFrame}; requests and standing arrangements are approved by the direct
 * supervisor within eligibility and quotas, under concurrency.
 */
@NullMarked
package id.fleksi.modules.fwa;

import org.jspecify.annotations.NullMarked;
