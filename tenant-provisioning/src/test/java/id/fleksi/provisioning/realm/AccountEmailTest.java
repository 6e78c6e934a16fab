package id.fleksi.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.organisation.EmployeeAccounts;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Early warnings go to a supervisor's account e-mail, read from Keycloak: the address when there is one, nothing when not;
 * BKD sets it, one account to an address.
 */
class AccountEmailTest extends ProvisioningIntegrationTest {

    @Autowired
    EmployeeAccounts accounts;

    @Test
    void anAccountsEmailIsReadFromItsRealmAndAnAccountWithoutOneHasNone() {
        String realm = removeRealmAfter(TestRealms.unique("surel"));
        realms.createRealm(realm, "Kabupaten Surel", false, List.of());
        String andi = realmUsers.createUser(
                realm, new RealmUser("andi", "Andi", "Atasan", "sandi-andi-123", false, Set.of(Role.ATASAN)));
        String siti = realmUsers.createUser(
                realm, new RealmUser("siti", "Siti", null, "sandi-siti-123", false, Set.of(Role.ASN)));
        UserRepresentation withEmail =
                TestRealms.admin().realm(realm).users().get(andi).toRepresentation();
        withEmail.setEmail("andi.atasan@pemda.example.go.id");
        TestRealms.admin().realm(realm).users().get(andi).update(withEmail);

        assertThat(accounts.email(TenantCode.of(realm), andi)).contains("andi.atasan@pemda.example.go.id");
        assertThat(accounts.email(TenantCode.of(realm), siti)).isEmpty();
    }

    @Test
    void anAddressIsSetOnOneAccountOnlyAndAnEmptyOneRemovesIt() {
        String realm = removeRealmAfter(TestRealms.unique("surel"));
        realms.createRealm(realm, "Kabupaten Surel", false, List.of());
        String andi = realmUsers.createUser(
                realm, new RealmUser("andi", "Andi", "Atasan", "sandi-andi-123", false, Set.of(Role.ATASAN)));
        String siti = realmUsers.createUser(
                realm, new RealmUser("siti", "Siti", null, "sandi-siti-123", false, Set.of(Role.ASN)));
        TenantCode tenant = TenantCode.of(realm);

        accounts.setEmail(tenant, andi, "andi@mamujutengahkab.go.id");
        accounts.setEmail(tenant, andi, "andi@mamujutengahkab.go.id");
        assertThat(accounts.email(tenant, andi))
                .as("set twice on the same account")
                .contains("andi@mamujutengahkab.go.id");
        assertThatThrownBy(() -> accounts.setEmail(tenant, siti, "andi@mamujutengahkab.go.id"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("email-taken"));
        assertThat(accounts.email(tenant, siti)).isEmpty();

        accounts.setEmail(tenant, andi, null);
        assertThat(accounts.email(tenant, andi)).isEmpty();
        accounts.setEmail(tenant, siti, "andi@mamujutengahkab.go.id");
        assertThat(accounts.email(tenant, siti))
                .as("free again once Andi's was removed")
                .contains("andi@mamujutengahkab.go.id");
    }
}
