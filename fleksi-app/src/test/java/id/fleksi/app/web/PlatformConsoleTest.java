package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.TestRealms;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator onboards a pemda on the platform console (a kabupaten without a province refused until "no parent" is
 * chosen), suspends it after being told what its users will see, resumes it, and archives it, each result said in words;
 * in headless Chromium.
 */
class PlatformConsoleTest extends PageTest {

    final String code = TestRealms.unique("konsol");

    @Autowired
    TenantRegistry registry;

    @Test
    void anOperatorOnboardsAPemdaThroughTheFormThenSuspendsAndResumesIt() {
        removeAfter(code);
        platformOperator();
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
            new Select(browser.findElement(By.id("parent")))
                    .selectByVisibleText("Tanpa induk (Fleksi milik pemda itu sendiri)");
            Browser.pressAndLoad(browser, By.cssSelector("#onboard button[type=submit]"));
            Browser.waitFor(browser, By.id("error"));
            assertThat(browser.findElement(By.id("error")).getText())
                    .isEqualTo("Kode pemda \"DROP\" tidak sah: kode memakai huruf kecil"
                            + " a-z dan angka, diawali huruf, dan kata boleh disambung satu garis bawah (misalnya mateng, kab_bandung)."
                            + " Belum ada yang didaftarkan.");

            browser.findElement(By.id("code")).clear();
            browser.findElement(By.id("code")).sendKeys(code);
            assertThat(new Select(browser.findElement(By.id("kind")))
                            .getFirstSelectedOption()
                            .getText())
                    .as("the usual kind, in words")
                    .isEqualTo("Kabupaten");
            new Select(browser.findElement(By.id("parent"))).selectByVisibleText("— pilih provinsi —");
            Browser.pressAndLoad(browser, By.cssSelector("#onboard button[type=submit]"));
            Browser.waitFor(browser, By.id("error"));
            assertThat(browser.findElement(By.id("error")).getText())
                    .as("a kabupaten without a province is chosen, never fallen into")
                    .isEqualTo(
                            "Pilih provinsi induk untuk kabupaten atau kota, atau \"Tanpa induk\" bila ini Fleksi milik pemda itu"
                                    + " sendiri. Belum ada yang didaftarkan.");
            assertThat(registry.find(TenantCode.of(code))).isEmpty();

            new Select(browser.findElement(By.id("parent")))
                    .selectByVisibleText("Tanpa induk (Fleksi milik pemda itu sendiri)");
            browser.findElement(By.cssSelector("#onboard button[type=submit]")).click();
            Browser.waitFor(browser, By.id("onboarded"));
            assertThat(browser.findElement(By.id("onboarded")).getText())
                    .contains("Pemda " + code + " terdaftar", "kata sandi sekali pakai");
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status())
                    .isEqualTo(TenantStatus.ACTIVE);

            // Suspending asks first, and says what the pemda's users will see.
            row(browser).findElement(By.cssSelector("details.suspend summary")).click();
            assertThat(row(browser)
                            .findElement(By.cssSelector("details.suspend p"))
                            .getText())
                    .startsWith("Selama dibekukan, pengguna Kabupaten Salah tidak bisa masuk");
            Browser.pressAndLoad(
                    browser, By.xpath("//tr[td[1]='" + code + "']//button[text()='Ya, bekukan " + code + "']"));
            Browser.waitFor(browser, By.id("done"));
            assertThat(browser.findElement(By.id("done")).getText())
                    .isEqualTo("Kabupaten Salah (" + code
                            + ") dibekukan: penggunanya tidak bisa masuk sampai diaktifkan kembali.");
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status())
                    .isEqualTo(TenantStatus.SUSPENDED);

            Browser.pressAndLoad(browser, By.xpath("//tr[td[1]='" + code + "']//button[text()='Aktifkan kembali']"));
            Browser.waitFor(browser, By.id("done"));
            assertThat(browser.findElement(By.id("done")).getText())
                    .isEqualTo(
                            "Kabupaten Salah (" + code + ") aktif kembali: penggunanya bisa masuk seperti sebelumnya.");
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status())
                    .isEqualTo(TenantStatus.ACTIVE);

            row(browser).findElement(By.cssSelector("details.suspend summary")).click();
            Browser.pressAndLoad(
                    browser, By.xpath("//tr[td[1]='" + code + "']//button[text()='Ya, bekukan " + code + "']"));
            Browser.waitFor(browser, By.id("done"));
            row(browser).findElement(By.cssSelector("details.archive summary")).click();
            Browser.pressAndLoad(
                    browser, By.xpath("//tr[td[1]='" + code + "']//button[text()='Ya, arsipkan " + code + "']"));
            Browser.waitFor(browser, By.id("done"));
            assertThat(browser.findElement(By.id("done")).getText())
                    .isEqualTo("Kabupaten Salah (" + code + ") diarsipkan: realm loginnya ditutup.");
            assertThat(registry.find(TenantCode.of(code)).orElseThrow().status())
                    .isEqualTo(TenantStatus.ARCHIVED);
        } finally {
            browser.quit();
        }
    }

    private org.openqa.selenium.WebElement row(WebDriver browser) {
        return browser.findElement(By.xpath("//tr[td[text()='" + code + "']]"));
    }
}
