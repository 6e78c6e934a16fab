/**
 * How an operator configures Fleksi: every setting an environment variable (listed in the README's "Configuration"),
 * a secret from the environment or from a file ({@code NAME_FILE}, or a directory of files named after the variables,
 * {@code FLEKSI_SECRETS_DIR}), and two modes: {@code development}, the default, which runs on a laptop as it is, and
 * {@code production} ({@code FLEKSI_MODE=production}), which refuses to start until every required setting is given
 * and no secret is a published default, saying which in one message.
 */
@NullMarked
package id.fleksi.app.settings;

import org.jspecify.annotations.NullMarked;
