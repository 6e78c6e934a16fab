/**
 * Figures one pemda shows another: a kabupaten's day in counts, for the province that hosts it or receives its feed.
 * Counts only, by construction.
 */
@NullMarked
package id.fleksi.platform.figures;

import org.jspecify.annotations.NullMarked;
