package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.testing.TestRealms;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator onboards, suspends and resumes a pemda on the platform console, in headless Chromium. */
class PlatformConsoleTest extends PageTest {

    final String code = TestRealms.unique("konsol");

    @Autowired TenantRegistry registry;

    @Test
    void anOperatorOnboardsAPemdaThroughTheFormThenSuspendsAndResumesIt() {
        removeAfter(code);
        if (!realms.realmExists(PLATFORM)) {
            realms.createRealm(PLATFORM, "Platform", true, List.of(new RealmUser("operator", "Op", "Erator",
                    TestRealms.PASSWORD, false, Set.of(Role.PLATFORM_OPERATOR))));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestRealms.admin().realm(PLATFORM).remove()));
        }
        WebDriver browser = Browser.chromium();
        try {
            browser.get(BASE + "/platform/");
            Browser.waitFor(browser, By.id("username"));
            assertThat(browser.getCurrentUrl()).startsWith(TestKeycloak.url() + "/realms/" + PLATFORM + "/");
            logIn(browser, BASE + "/platform/", "operator", TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("code"));

            browser.findElement(By.id("code")).sendKeys("DROP");
            browser.findElement(By.id("name")).sendKeys("Kabupaten Salah");
            browser.findElement(By.id("regionCode")).sendKeys("76.06");
            browser.findElement(By.cssSelector("#onboard button[type=submit]")).click();
            Browser.waitFor(browser, By.id("error"));
            assertThat(browser.findElement(By.id("error")).getText()).contains("Invalid tenant code 'DROP'");

            browser.findElement(By.id("code")).clear();
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.id("kind")).sendKeys("KABUPATEN");
            browser.findElement(By.cssSelector("#onboard button[type=submit]")).click();
            Browser.waitFor(browser, By.id("onboarded"));
            assertThat(browser.findElement(By.id("onboarded")).getText())
                    .contains("Pemda " + code + " terdaftar", "kata sandi sekali pakai");
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);

            browser.findElement(By.xpath("//tr[td[text()='" + code + "']]//button")).click();
            Browser.waitFor(browser, By.xpath("//tr[td[text()='" + code + "']]//button[text()='Aktifkan kembali']"));
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
            browser.findElement(By.xpath("//tr[td[text()='" + code + "']]//button")).click();
            Browser.waitFor(browser, By.xpath("//tr[td[text()='" + code + "']]//button[text()='Bekukan']"));
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        } finally {
            browser.quit();
        }
    }
}
