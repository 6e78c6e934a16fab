/**
 * Fleksi's realms in Keycloak, through its admin API ({@link id.fleksi.provisioning.realm.KeycloakAdmin}): made,
 * switched and removed ({@link id.fleksi.provisioning.realm.RealmProvisioner}), their users one at a time ({@link
 * id.fleksi.provisioning.realm.RealmUsers}) or employees' accounts in bulk, their login pages, and a realm moved out of
 * Keycloak and into another with its password hashes ({@link id.fleksi.provisioning.realm.RealmTransfer}).
 */
@NullMarked
package id.fleksi.provisioning.realm;

import org.jspecify.annotations.NullMarked;
