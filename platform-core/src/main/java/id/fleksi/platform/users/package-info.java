/**
 * The tenant's users as Fleksi has seen them: who called, from which realm, with which roles
 * ({@code GET /api/v1/t/{code}/me}), and the list of users who have used Fleksi, for the tenant admin.
 */
@NullMarked
package id.fleksi.platform.users;

import org.jspecify.annotations.NullMarked;
