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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A tenant admin, in the browser, switches a module off and on and sees its menu entry go and come back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class TenantModulesPageTest {

    static final int PORT = Browser.freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final String CODE = TestRealms.unique("modul");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("fleksi.keycloak-admin.public-web-url", () -> BASE);
    }

    @Autowired TenantOnboarding onboarding;
    @Autowired RealmProvisioner realms;

    @AfterAll
    static void cleanUp(@Autowired RealmProvisioner realms, @Autowired JdbcClient jdbc) {
        realms.deleteRealm(CODE);
        jdbc.sql("drop schema if exists tenant_" + CODE + " cascade").update();
        jdbc.sql("delete from platform.tenant where code = ?").param(CODE).update();
    }

    @Test
    void aTenantAdminSwitchesAModuleOnAndOffAndItsMenuEntryFollows() {
        onboarding.onboard(new NewTenant(CODE, "Kabupaten Modul", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TestRealms.addUser(realms, CODE, "boss", Role.TENANT_ADMIN, Role.ASN);
        WebDriver browser = Browser.chromium();
        try {
            browser.get(BASE + "/t/" + CODE + "/");
            Browser.waitFor(browser, By.id("username"));
            browser.findElement(By.id("username")).sendKeys("boss");
            browser.findElement(By.id("password")).sendKeys(TestRealms.PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            Browser.waitFor(browser, By.id("menu"));
            assertThat(menu(browser)).contains("Modul").doesNotContain("Catatan");

            browser.findElement(By.linkText("Modul")).click();
            Browser.waitFor(browser, By.id("module-notes"));
            browser.findElement(By.cssSelector("#module-reminders button[value=true]")).click();
            Browser.waitFor(browser, By.id("error"));
            assertThat(browser.findElement(By.id("error")).getText()).contains("needs notes switched on first");

            browser.findElement(By.cssSelector("#module-notes button[value=true]")).click();
            Browser.waitFor(browser, By.id("saved"));
            assertThat(browser.findElement(By.cssSelector("#module-notes h2")).getText()).contains("aktif");
            assertThat(menu(browser)).contains("Catatan");
            browser.findElement(By.linkText("Catatan")).click();
            Browser.waitFor(browser, By.id("notes"));
            browser.navigate().back();

            browser.findElement(By.cssSelector("#module-notes button[value=false]")).click();
            Browser.waitFor(browser, By.id("saved"));
            browser.get(BASE + "/t/" + CODE + "/");
            Browser.waitFor(browser, By.id("menu"));
            assertThat(menu(browser)).contains("Modul").doesNotContain("Catatan");
            browser.get(BASE + "/t/" + CODE + "/notes/");
            Browser.waitFor(browser, By.id("problem-detail"));
            assertThat(browser.findElement(By.id("problem-detail")).getText()).contains("Module 'notes' is switched off");
        } finally {
            browser.quit();
        }
    }

    private static String menu(WebDriver browser) {
        return browser.findElement(By.id("menu")).getText();
    }
}
