package id.fleksi.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.mail.MailServer;
import id.fleksi.platform.mail.TenantMailServerChanged;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A realm's login pages: Fleksi's theme from the start, a password reset by e-mail exactly while the tenant has a mail
 * server (through that server), and a realm made before the theme brought in line by {@code fleksi migrate}.
 */
class RealmLoginPagesTest extends ProvisioningIntegrationTest {

    @Autowired
    RealmLoginPages pages;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aNewRealmHasFleksisThemeAndOffersAResetByEmailOnlyWhileTheTenantHasAMailServer() {
        String realm = removeRealmAfter(TestRealms.unique("masuk"));
        realms.createRealm(realm, "Kabupaten Masuk", false, List.of());
        assertThat(representation(realm).getLoginTheme()).isEqualTo("fleksi");
        assertThat(representation(realm).isResetPasswordAllowed()).isFalse();

        events.publishEvent(new TenantMailServerChanged(
                TenantCode.of(realm), MailServer.of("mail.pemda.example.go.id", 587, "fleksi@pemda.example.go.id")));

        RealmRepresentation withMail = representation(realm);
        assertThat(withMail.isResetPasswordAllowed()).isTrue();
        assertThat(withMail.getSmtpServer())
                .containsEntry("host", "mail.pemda.example.go.id")
                .containsEntry("port", "587")
                .containsEntry("from", "fleksi@pemda.example.go.id");
        assertThat(withMail.getLoginTheme()).isEqualTo("fleksi");

        events.publishEvent(new TenantMailServerChanged(TenantCode.of(realm), Optional.empty()));

        RealmRepresentation without = representation(realm);
        assertThat(without.isResetPasswordAllowed()).isFalse();
        assertThat(without.getSmtpServer() == null ? Map.of() : without.getSmtpServer())
                .doesNotContainKey("host");
    }

    @Test
    void aRealmMadeBeforeTheThemeGetsItWhenMigratedAndASecondRunChangesNothing() {
        String realm = removeRealmAfter(TestRealms.unique("lama"));
        realms.createRealm(realm, "Kabupaten Lama", false, List.of());
        RealmRepresentation old = new RealmRepresentation();
        old.setLoginTheme("keycloak");
        TestRealms.admin().realm(realm).update(old);

        assertThat(pages.apply(TenantCode.of(realm))).isTrue();
        assertThat(representation(realm).getLoginTheme()).isEqualTo("fleksi");
        assertThat(representation(realm).isResetPasswordAllowed()).isFalse();
        assertThat(pages.apply(TenantCode.of(realm))).isFalse();
    }

    @Test
    void theOperatorsRealmKeepsKeycloaksOwnPages() {
        String realm = removeRealmAfter(TestRealms.unique("platform"));
        realms.createRealm(realm, "Fleksi Platform", true, List.of());

        assertThat(representation(realm).getLoginTheme()).isNull();
    }

    private static RealmRepresentation representation(String realm) {
        return TestRealms.admin().realm(realm).toRepresentation();
    }
}
