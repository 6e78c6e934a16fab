/**
 * Liquibase migrations: the {@code platform} schema at start-up, and every tenant schema one at a time
 * (Liquibase cannot run two updates at once in one JVM), each verified against the changelog afterwards.
 */
@NullMarked
package id.fleksi.platform.migration;

import org.jspecify.annotations.NullMarked;
