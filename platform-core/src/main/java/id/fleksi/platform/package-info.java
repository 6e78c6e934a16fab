/**
 * What every piece of work carries beside its tenant: the keys of its log lines ({@link id.fleksi.platform.LogContext})
 * and the reads remembered for one web request ({@link id.fleksi.platform.RequestMemo}).
 */
@NullMarked
package id.fleksi.platform;

import org.jspecify.annotations.NullMarked;
