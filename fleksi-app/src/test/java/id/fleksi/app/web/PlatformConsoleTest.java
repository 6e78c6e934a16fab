package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
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

/** An operator onboards, suspends and resumes a pemda on the platform console, in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PlatformConsoleTest {

    static final int PORT = Browser.freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final String PLATFORM = TestRealms.unique("platform");
    static final String CODE = TestRealms.unique("konsol");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("fleksi.keycloak-admin.public-web-url", () -> BASE);
        registry.add("fleksi.identity.platform-realm", () -> PLATFORM);
    }

    @Autowired RealmProvisioner realms;
    @Autowired TenantRegistry registry;

    @AfterAll
    static void cleanUp(@Autowired RealmProvisioner realms, @Autowired JdbcClient jdbc) {
        realms.deleteRealm(PLATFORM);
        realms.deleteRealm(CODE);
        jdbc.sql("drop schema if exists tenant_" + CODE + " cascade").update();
        jdbc.sql("delete from platform.tenant where code = ?").param(CODE).update();
    }

    @Test
    void anOperatorOnboardsAPemdaThroughTheFormThenSuspendsAndResumesIt() {
        realms.createRealm(PLATFORM, "Platform", true, List.of(new RealmUser("operator", "Op", "Erator",
                TestRealms.PASSWORD, false, Set.of(Role.PLATFORM_OPERATOR))));
        WebDriver browser = Browser.chromium();
        try {
            browser.get(BASE + "/platform/");
            Browser.waitFor(browser, By.id("username"));
            assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + PLATFORM + "/");
            browser.findElement(By.id("username")).sendKeys("operator");
            browser.findElement(By.id("password")).sendKeys(TestRealms.PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            Browser.waitFor(browser, By.id("code"));

            browser.findElement(By.id("code")).sendKeys("DROP");
            browser.findElement(By.id("name")).sendKeys("Kabupaten Salah");
            browser.findElement(By.id("regionCode")).sendKeys("76.06");
            browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
            Browser.waitFor(browser, By.id("error"));
            assertThat(browser.findElement(By.id("error")).getText()).contains("Invalid tenant code 'DROP'");

            browser.findElement(By.id("code")).clear();
            browser.findElement(By.id("code")).sendKeys(CODE);
            browser.findElement(By.id("kind")).sendKeys("KABUPATEN");
            browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
            Browser.waitFor(browser, By.id("onboarded"));
            assertThat(browser.findElement(By.id("onboarded")).getText())
                    .contains("Pemda " + CODE + " terdaftar", "kata sandi sekali pakai");
            assertThat(registry.find(TenantCode.of(CODE)).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);

            browser.findElement(By.xpath("//tr[td[text()='" + CODE + "']]//button")).click();
            Browser.waitFor(browser, By.xpath("//tr[td[text()='" + CODE + "']]//button[text()='Aktifkan kembali']"));
            assertThat(registry.find(TenantCode.of(CODE)).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
            browser.findElement(By.xpath("//tr[td[text()='" + CODE + "']]//button")).click();
            Browser.waitFor(browser, By.xpath("//tr[td[text()='" + CODE + "']]//button[text()='Bekukan']"));
            assertThat(registry.find(TenantCode.of(CODE)).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        } finally {
            browser.quit();
        }
    }
}
