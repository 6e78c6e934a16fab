package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ASN's phone without signal (issue 19, items 5 and 6). The attendance page installs as an app (a manifest and a
 * service worker under stable names, revalidated each time); a press made offline survives a reload made offline (the
 * page then comes from the service worker, saying it is a copy) and is stored once when the signal returns. With the
 * location denied the page says how to allow it; on a WFA day the button checks in without a fix, flagged for review, and
 * on an office day it stays off.
 */
class OfflineAttendanceTest extends PageTest {

    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    @Autowired
    ModuleSwitches switches;

    @Test
    void aPressMadeOfflineSurvivesAnOfflineReloadAndIsStoredOnceWhenTheSignalReturns() {
        String code = onboard("luring", "Kabupaten Luring");
        String s = tenantWithAsn(code, null);
        WebDriver phone = Browser.chromium();
        try {
            ChromeDriver chrome = (ChromeDriver) phone;
            chrome.executeCdpCommand(
                    "Browser.grantPermissions", Map.of("origin", BASE, "permissions", List.of("geolocation")));
            chrome.executeCdpCommand(
                    "Emulation.setGeolocationOverride",
                    Map.of("latitude", OFFICE_LAT + 0.0003, "longitude", OFFICE_LON, "accuracy", 12));
            logIn(phone, BASE + "/t/" + code + "/attendance/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(30));
            wait.until(d ->
                    !d.findElements(By.cssSelector("#distance[data-metres]")).isEmpty());
            JavascriptExecutor js = (JavascriptExecutor) phone;
            // Installable: the manifest opens the tenant's attendance page, standalone, with its icons.
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) js.executeAsyncScript("var done = arguments[0];"
                    + " fetch(document.querySelector('link[rel=manifest]').href, {credentials: 'include'})"
                    + ".then(function (r) { return r.json(); }).then(done, function (e) { done(String(e)); });");
            assertThat(manifest)
                    .containsEntry("start_url", "/t/" + code + "/attendance/")
                    .containsEntry("display", "standalone")
                    .containsEntry("scope", "/t/" + code + "/")
                    .containsEntry("name", "Fleksi \u00b7 Kabupaten Luring");
            assertThat(manifest.get("icons").toString())
                    .containsPattern("/attendance/icon-192-[0-9a-f]{32}\\.png")
                    .containsPattern("/attendance/icon-[0-9a-f]{32}\\.svg");
            assertThat(
                            js.executeAsyncScript(
                                    "var done = arguments[0]; fetch('/t/" + code + "/attendance/sw.js')"
                                            + ".then(function (r) { done(r.headers.get('Cache-Control') + ' | ' + r.headers.get('Service-Worker-Allowed')); });"))
                    .isEqualTo("no-cache | /t/" + code + "/");
            // The service worker takes the page over once it has kept the shell.
            wait.until(d -> Boolean.TRUE.equals(js.executeScript("return !!navigator.serviceWorker.controller;")));
            assertThat(js.executeAsyncScript(
                                    "var done = arguments[0]; caches.keys().then(function (names) {"
                                            + " return Promise.all(names.map(function (n) { return caches.open(n).then(function (c) { return c.keys(); }); })); })"
                                            + ".then(function (lists) { done([].concat.apply([], lists).map(function (r) { return new URL(r.url).pathname; }).join(' ')); });")
                            .toString())
                    .contains("/t/" + code + "/attendance/")
                    .containsPattern("/attendance/checkin-[0-9a-f]{32}\\.js")
                    .containsPattern("/css/fleksi-[0-9a-f]{32}\\.css");

            // No signal at all: neither for the page nor for its service worker.
            WorkerNetwork worker = WorkerNetwork.of(chrome, BASE);
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            chrome.setNetworkConditions(offline);
            worker.offline(true);
            wait.until(d -> Boolean.FALSE.equals(js.executeScript("return navigator.onLine;")));
            phone.findElement(By.id("check-in-button")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "1"));

            phone.navigate().refresh(); // no signal: the service worker answers with the kept page
            shows(phone, wait, By.id("offline-copy"));
            assertThat(phone.findElement(By.id("offline-copy")).getText())
                    .startsWith("Tidak ada sinyal: ini salinan halaman");
            wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "1"));
            assertThat(phone.findElement(By.id("check-in-button")).getText())
                    .as("the queued press was a check-in")
                    .isEqualTo("Presensi pulang");
            // Nothing stored twice, whatever got through: Chromium may restart an idle service worker under load, and a
            // restarted worker has no emulated offline network, so the press can reach the server before the signal
            // "returns". What the ASN relies on is tested here and below: kept, shown as waiting, stored exactly once.
            assertThat(count(s)).isLessThanOrEqualTo(1);
            // Another page of the tenant, never kept: a note in Indonesian with the way to the attendance page.
            phone.get(BASE + "/t/" + code + "/attendance/history");
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("offline-note")))
                            .getText())
                    .contains("Tidak ada sinyal", "Buka halaman presensi");
            phone.navigate().back();
            // Still waiting, unless a restarted service worker (no emulated network, see above) already let it through.
            wait.until(d -> "1".equals(d.findElement(By.id("queue")).getAttribute("data-count")) || count(s) == 1);

            worker.offline(false);
            worker.close();
            chrome.deleteNetworkConditions(); // the signal returns: the queue drains by itself
            wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "0"));
            assertThat(phone.findElement(By.id("result")).getText()).contains("Presensi masuk tercatat");
            phone.navigate().refresh();
            wait.until(ExpectedConditions.attributeToBe(By.id("queue"), "data-count", "0"));
            assertThat(phone.findElement(By.id("status-in")).getText()).startsWith("Masuk pukul");
            assertThat(phone.findElement(By.id("offline-copy")).isDisplayed()).isFalse();
            assertThat(count(s)).as("stored exactly once").isEqualTo(1);
        } finally {
            phone.quit();
        }
        assertThat(count(s)).isEqualTo(1);
    }

    @Test
    void withTheLocationDeniedThePageSaysHowToAllowItAndOnAWfaDayChecksInWithoutAFixFlagged() {
        String wfa = onboard("tanpalok", "Kabupaten Tanpa Lokasi");
        // Today is a WFA day there (or a day off, which takes a press without a fix too).
        String s = tenantWithAsn(
                wfa,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar"))
                        .getDayOfWeek()
                        .name());
        String office = onboard("kantor", "Kabupaten Kantor");
        tenantWithAsn(office, null);
        WebDriver phone = Browser.chromium();
        try {
            ChromeDriver chrome = (ChromeDriver) phone;
            chrome.executeCdpCommand(
                    "Browser.setPermission",
                    Map.of("origin", BASE, "permission", Map.of("name", "geolocation"), "setting", "denied"));
            logIn(phone, BASE + "/t/" + office + "/attendance/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBe(
                    By.id("distance"),
                    "Izin lokasi ditolak. Presensi memerlukan lokasi ponsel; cara mengizinkannya ada di bawah."));
            assertThat(phone.findElement(By.id("location-help")).getText())
                    .contains("Chrome di Android:", "Safari di iPhone:", "Pengaturan ponsel:");
            assertThat(phone.findElement(By.id("no-fix")).getText()).startsWith("Hari ini hari kerja di kantor:");
            assertThat(phone.findElement(By.id("check-in-button")).isEnabled())
                    .as("an office day needs the fix")
                    .isFalse();

        } finally {
            phone.quit();
        }
        phone = Browser.chromium();
        try {
            ((ChromeDriver) phone)
                    .executeCdpCommand(
                            "Browser.setPermission",
                            Map.of("origin", BASE, "permission", Map.of("name", "geolocation"), "setting", "denied"));
            logIn(phone, BASE + "/t/" + wfa + "/attendance/", "asn", TestRealms.PASSWORD);
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(30));
            shows(phone, wait, By.id("no-fix"));
            wait.until(ExpectedConditions.textToBe(By.id("check-in-button"), "Presensi masuk tanpa lokasi"));
            assertThat(phone.findElement(By.id("no-fix")).getText())
                    .startsWith("Hari ini boleh bekerja dari mana saja:");
            phone.findElement(By.id("check-in-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Presensi masuk tercatat"));
            assertThat(phone.findElement(By.id("check-in-button")).getText()).isEqualTo("Presensi pulang tanpa lokasi");
        } finally {
            phone.quit();
        }
        assertThat(jdbc.sql("select flags::text || ' ' || (latitude is null) from " + s + ".attendance_check_in")
                        .query(String.class)
                        .single())
                .isEqualTo("{NO_LOCATION} true");
    }

    /** Waits for the element to be visible; if it never is, fails with the page as it stands. */
    private static void shows(WebDriver phone, WebDriverWait wait, By element) {
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    element + " not shown on " + phone.getCurrentUrl() + ":\n" + phone.getPageSource(), e);
        }
    }

    /** An office near Tobadak for Diskominfo, Siti (asn) working there, the day open; WFA on this weekday when given. */
    private String tenantWithAsn(String code, String wfaWeekdays) {
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".office (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 100)")
                .params(office, OFFICE_LAT, OFFICE_LON)
                .update();
        jdbc.sql("insert into " + s + ".office_unit (office_id, unit_id) values (?, ?)")
                .params(office, unit)
                .update();
        employee(code, "asn", "Siti Aparatur", unit, null, Role.ASN);
        // The test presses at the hour it runs: the day is open, as for tenants from before the window defaults.
        switches.change(
                TenantCode.of(code),
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "test");
        if (wfaWeekdays != null) {
            switches.change(TenantCode.of(code), "fwa", true, Map.of(), "test");
            jdbc.sql("insert into " + s
                            + ".fwa_policy_version (id, effective_from, enabled, wfa_weekdays, created_by, created_at)"
                            + " values (?, date '2026-01-01', true, ?, 'test', now())")
                    .params(UUID.randomUUID(), wfaWeekdays)
                    .update();
        }
        return s;
    }

    private int count(String schema) {
        return jdbc.sql("select count(*) from " + schema + ".attendance_check_in where kind = 'IN'")
                .query(Integer.class)
                .single();
    }
}
