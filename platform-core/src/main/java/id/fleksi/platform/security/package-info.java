/**
 * Identity: a Keycloak realm per tenant plus the {@code platform} realm. Bearer tokens are accepted from
 * every realm in the tenant registry (issuer to tenant, keys from that realm, audience checked, realm roles
 * mapped to authorities); the web pages log in with OIDC against the tenant's own realm.
 */
@NullMarked
package id.fleksi.platform.security;

import org.jspecify.annotations.NullMarked;
