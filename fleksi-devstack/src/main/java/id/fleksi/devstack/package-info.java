/**
 * Runs the real services Fleksi needs outside production: the official Keycloak distribution (unpacked by
 * the build from Maven Central) and a PostgreSQL server. Used by {@code fleksi up} and by the test harness;
 * never on a production path.
 */
package id.fleksi.devstack;
