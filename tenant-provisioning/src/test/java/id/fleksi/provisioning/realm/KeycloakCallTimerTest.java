package id.fleksi.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keycloak's addresses become a few templates: no realm, user id, role or username is ever a tag value. */
class KeycloakCallTimerTest {

    @Test
    void realmsIdsAndNamesLeaveTheAddressOnlyTheApisWordsStay() {
        assertThat(KeycloakCallTimer.template("/admin/realms")).isEqualTo("/admin/realms");
        assertThat(KeycloakCallTimer.template(
                        "/admin/realms/mateng/users/8b257b83-9e8c-4006-9ae1-2934ee262497/reset-password"))
                .isEqualTo("/admin/realms/{realm}/users/{id}/reset-password");
        assertThat(KeycloakCallTimer.template("/admin/realms/sulbar/roles/tenant-admin"))
                .isEqualTo("/admin/realms/{realm}/roles/{id}");
        assertThat(KeycloakCallTimer.template("/admin/realms/mateng/users/199203142018012002"))
                .isEqualTo("/admin/realms/{realm}/users/{id}");
        assertThat(KeycloakCallTimer.template("/realms/master/protocol/openid-connect/token"))
                .isEqualTo("/realms/{realm}/protocol/openid-connect/token");
        assertThat(KeycloakCallTimer.template("/admin/realms/mateng/partialImport"))
                .isEqualTo("/admin/realms/{realm}/partialImport");
        assertThat(KeycloakCallTimer.template("")).isEqualTo("/");
    }
}
