/**
 * Values as a person reads them, in their language: a distance ("127,8 km", "350 m"), a span of minutes ("12 jam 48
 * menit"). Each is a message argument ({@link org.springframework.context.MessageSourceResolvable}): a page's
 * {@code #{key(${value})}} and a problem's translated detail render it in the reader's locale, so every page says it
 * the same way.
 */
@NullMarked
package id.fleksi.platform.wording;

import org.jspecify.annotations.NullMarked;
