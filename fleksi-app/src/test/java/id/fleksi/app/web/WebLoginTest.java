package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;


import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.testing.TestRealms;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A tenant user logs in through the tenant's own Keycloak realm (authorization code with PKCE) in Debian's
 * headless Chromium, and lands on a home page that says who they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class WebLoginTest {

    static final int PORT = Browser.freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final String A = TestRealms.unique("web");
    static final String B = TestRealms.unique("web");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("fleksi.keycloak-admin.public-web-url", () -> BASE);
    }

    @Autowired TenantOnboarding onboarding;
    @Autowired RealmProvisioner realms;
    @Autowired JdbcClient jdbc;
    WebDriver browser;

    @BeforeEach
    void tenantsAndBrowser() {
        for (String code : new String[] {A, B}) {
            if (!realms.realmExists(code)) {
                onboarding.onboard(new NewTenant(code, "Kabupaten " + code, TenantKind.KABUPATEN, null, "76.06",
                        RegionTimeZone.WITA));
                TestRealms.addUser(realms, code, "siti", Role.ASN, Role.ATASAN);
            }
        }
        browser = Browser.chromium();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @AfterAll
    static void removeTenants(@Autowired RealmProvisioner realms, @Autowired JdbcClient jdbc) {
        for (String code : new String[] {A, B}) {
            realms.deleteRealm(code);
            jdbc.sql("drop schema if exists tenant_" + code + " cascade").update();
            jdbc.sql("delete from platform.tenant where code = ?").param(code).update();
        }
    }

    @Test
    void aTenantUserLogsInWithTheTenantsRealmAndSeesWhoTheyAre() {
        browser.get(BASE + "/t/" + A + "/");

        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + A + "/")
                .contains("code_challenge_method=S256");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
        logIn("siti", TestRealms.PASSWORD);

        waitFor(By.id("greeting"));
        assertThat(browser.getCurrentUrl()).startsWith(BASE + "/t/" + A + "/");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Halo, siti");
        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("Kabupaten " + A);
        assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("asn, atasan");

        browser.get(BASE + "/t/" + A + "/?lang=en");
        assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Hello, siti");
    }

    @Test
    void aSessionOfOneTenantDoesNotOpenAnothersPagesButAsksForItsLogin() {
        browser.get(BASE + "/t/" + A + "/");
        waitFor(By.id("username"));
        logIn("siti", TestRealms.PASSWORD);
        waitFor(By.id("greeting"));

        browser.get(BASE + "/t/" + B + "/");

        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + B + "/");
    }

    @Test
    void aWrongPasswordStaysOnTheRealmsLoginPage() {
        browser.get(BASE + "/t/" + A + "/");
        waitFor(By.id("username"));

        logIn("siti", "not-the-password");

        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + A + "/");
        assertThat(browser.getPageSource()).doesNotContain("greeting");
    }

    private void logIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    private void waitFor(By element) {
        Browser.waitFor(browser, element);
    }
}
