/** The exports' parts: the columns, the writers of each format, who may export what, the confinement of the token. */
@NullMarked
package id.fleksi.modules.evaluation.exports.internal;

import org.jspecify.annotations.NullMarked;
