package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.platform.calendar.DayKind;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium, as a tenant admin: offices placed by typed coordinates (no tile server set), a local holiday that
 * changes what the working calendar answers, and a flexible-work policy's new version that starts from the current one.
 */
class AdminPlacesPageTest extends PageTest {

    @Autowired
    Offices offices;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    FwaPolicies policies;

    @Test
    void anAdminAddsAnOfficeByTypedCoordinatesAndABadLatitudeIsRefusedInIndonesianKeepingWhatWasTyped() {
        String code = onboard("kantor", "Kabupaten Kantor");
        TenantCode tenant = TenantCode.of(code);
        UUID unit = unit(tenant, "DISKOMINFO", "Dinas Komunikasi dan Informatika");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, BASE + "/t/" + code + "/", "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("menu"));
            admin.findElement(By.linkText("Kantor & geofence")).click();
            Browser.waitFor(admin, By.id("office-form"));
            assertThat(admin.findElement(By.id("no-map")).getText()).startsWith("Peta belum tersedia");
            assertThat(admin.findElements(By.cssSelector("script[src*=leaflet]")))
                    .as("no map library without tiles")
                    .isEmpty();
            admin.findElement(By.id("name")).sendKeys("Kantor Bupati Mamuju Tengah");
            admin.findElement(By.id("address")).sendKeys("Jl. Poros Tobadak");
            admin.findElement(By.id("latitude")).sendKeys("95,5");
            admin.findElement(By.id("longitude")).sendKeys("119,5498");
            admin.findElement(By.id("radiusMetres")).clear();
            admin.findElement(By.id("radiusMetres")).sendKeys("150");
            admin.findElement(By.cssSelector("input[name=unitIds][value='" + unit + "']"))
                    .click();
            admin.findElement(By.id("save-office")).click();

            Browser.waitFor(admin, By.id("problems"));
            assertThat(admin.findElement(By.id("latitude-error")).getText())
                    .isEqualTo("Lintang harus berupa angka antara -11,5 dan 6,5 (wilayah Indonesia), mis. -1,7391.");
            assertThat(admin.findElements(By.cssSelector(".field-error"))).hasSize(1);
            assertThat(admin.findElement(By.id("name")).getAttribute("value")).isEqualTo("Kantor Bupati Mamuju Tengah");
            assertThat(admin.findElement(By.id("latitude")).getAttribute("value"))
                    .isEqualTo("95,5");
            assertThat(admin.findElement(By.id("longitude")).getAttribute("value"))
                    .isEqualTo("119,5498");
            assertThat(admin.findElement(By.id("radiusMetres")).getAttribute("value"))
                    .isEqualTo("150");
            assertThat(admin.findElement(By.cssSelector("input[name=unitIds][value='" + unit + "']"))
                            .isSelected())
                    .isTrue();
            assertThat(TenantContext.callAs(tenant, offices::list))
                    .as("nothing stored")
                    .isEmpty();

            admin.findElement(By.id("latitude")).clear();
            admin.findElement(By.id("latitude")).sendKeys("-1,7391");
            admin.findElement(By.id("save-office")).click();
            new WebDriverWait(admin, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Kantor ditambahkan."));
            WebElement listed = admin.findElement(By.cssSelector("#offices .office"));
            assertThat(listed.getText())
                    .contains(
                            "Kantor Bupati Mamuju Tengah",
                            "radius 150 m",
                            "-1.739100, 119.549800",
                            "Untuk: Dinas Komunikasi dan Informatika");
            Offices.Office stored = TenantContext.callAs(tenant, offices::list).get(0);
            assertThat(stored.latitude()).isEqualTo(-1.7391);
            assertThat(stored.radiusMetres()).isEqualTo(150);
            assertThat(stored.unitIds()).containsExactly(unit);

            // Change it: the form comes filled; a wider radius is kept.
            listed.findElement(By.cssSelector("a")).click();
            Browser.waitFor(admin, By.id("office-form"));
            assertThat(admin.findElement(By.id("latitude")).getAttribute("value"))
                    .isEqualTo("-1.7391");
            admin.findElement(By.id("radiusMetres")).clear();
            admin.findElement(By.id("radiusMetres")).sendKeys("250");
            admin.findElement(By.id("save-office")).click();
            new WebDriverWait(admin, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("done"), "Perubahan kantor disimpan."));
            assertThat(admin.findElement(By.id("offices")).getText()).contains("radius 250 m");
            assertThat(noSidewaysScrollAt360(admin)).as("fits a 360 px phone").isTrue();

            // With the pemda's tile server set, the app's own Leaflet draws the map (nothing here serves the tiles).
            admin.findElement(By.id("urlTemplate")).sendKeys("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png");
            admin.findElement(By.id("save-tiles")).click();
            new WebDriverWait(admin, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Server peta disimpan."));
            new WebDriverWait(admin, Duration.ofSeconds(20))
                    .until(ExpectedConditions.attributeContains(By.id("map"), "class", "leaflet-container"));
            assertThat(admin.findElement(By.id("map")).isDisplayed()).isTrue();
            assertThat(admin.findElements(By.id("no-map"))).isEmpty();
            assertThat(policyOf(admin, "/t/" + code + "/admin/offices"))
                    .as("the tile server's origin, on the map page")
                    .contains("img-src 'self' data: http://127.0.0.1:9;");
            assertThat(policyOf(admin, "/t/" + code + "/admin/calendar"))
                    .as("and only there")
                    .contains("img-src 'self' data:;");
        } finally {
            admin.quit();
        }
    }

    @Test
    void anAdminAddsAndRemovesALocalHolidayAndTheWorkingCalendarAnswerFollows() {
        String code = onboard("libur", "Kabupaten Libur");
        TenantCode tenant = TenantCode.of(code);
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        LocalDate day =
                workingDayAfter(LocalDate.now(ZoneId.of("Asia/Makassar")).plusDays(7));
        String page = BASE + "/t/" + code + "/admin/calendar?year=" + day.getYear() + "&date=" + day;

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, page, "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("answer"));
            assertThat(admin.findElement(By.id("answer")).getText())
                    .endsWith(": hari kerja, 07:30–16:00 (istirahat "
                            + (day.getDayOfWeek() == DayOfWeek.FRIDAY ? 90 : 60) + " menit)");
            ((JavascriptExecutor) admin)
                    .executeScript("document.getElementById('holiday-date').value = arguments[0];", day.toString());
            admin.findElement(By.id("holiday-name")).sendKeys("HUT Kabupaten Libur");
            admin.findElement(By.id("add-holiday")).click();
            WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Libur daerah ditambahkan."));
            assertThat(admin.findElement(By.id("local-holidays")).getText())
                    .contains("HUT Kabupaten Libur", "Seluruh pemda");
            assertThat(TenantContext.callAs(tenant, () -> calendar.of(null, day))
                            .kind())
                    .isEqualTo(DayKind.LOCAL_HOLIDAY);
            admin.get(page);
            Browser.waitFor(admin, By.id("answer"));
            assertThat(admin.findElement(By.id("answer")).getText()).endsWith(": libur daerah: HUT Kabupaten Libur");

            admin.findElement(By.cssSelector(".local-holiday .remove-holiday")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Libur daerah dihapus."));
            assertThat(admin.findElement(By.id("no-local")).getText()).isEqualTo("Belum ada libur daerah tahun ini.");
            assertThat(TenantContext.callAs(tenant, () -> calendar.of(null, day))
                            .kind())
                    .isEqualTo(DayKind.WORKDAY);

            // Ramadan hours around that day: the form comes with the Ramadan week of Perpres 21/2023, as times.
            ((JavascriptExecutor) admin)
                    .executeScript(
                            "document.getElementById('ramadan-from').value = arguments[0];"
                                    + "document.getElementById('ramadan-to').value = arguments[1];",
                            day.minusDays(3).toString(),
                            day.plusDays(3).toString());
            assertThat(admin.findElement(By.cssSelector("#ramadan-form input[name='start.MONDAY']"))
                            .getAttribute("type"))
                    .isEqualTo("time");
            admin.findElement(By.id("save-ramadan")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Jam Ramadan disimpan."));
            admin.get(page);
            Browser.waitFor(admin, By.id("answer"));
            assertThat(admin.findElement(By.id("answer")).getText()).contains(": hari kerja, 08:00–15:", "jam Ramadan");
            assertThat(admin.findElement(By.id("schedules")).getText()).contains("Seluruh pemda: jam Ramadan");

            // Weekly hours without Friday, set twice: the second replaces the first, and Friday is no working day.
            for (String start : List.of("07:00", "08:00")) {
                WebElement hours = admin.findElement(By.id("hours-form"));
                hours.findElement(By.cssSelector("input[name='on.FRIDAY']")).click();
                ((JavascriptExecutor) admin)
                        .executeScript(
                                "arguments[0].value = arguments[1];",
                                hours.findElement(By.cssSelector("input[name='start.MONDAY']")),
                                start);
                hours.findElement(By.id("save-hours")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Jam kerja disimpan"));
            }
            assertThat(admin.findElements(By.cssSelector("#schedules .schedule")))
                    .hasSize(2);
            assertThat(admin.findElements(By.cssSelector("#schedules .schedule"))
                            .get(0)
                            .getText())
                    .startsWith("Seluruh pemda: jam kerja mingguan\nSen 08:00–16:00; Sel 07:30–16:00;")
                    .doesNotContain("Jum");
            LocalDate friday = day.plusWeeks(2);
            while (friday.getDayOfWeek() != DayOfWeek.FRIDAY
                    || !workingDayAfter(friday).equals(friday)) {
                friday = friday.plusDays(1);
            }
            LocalDate noHoliday = friday;
            assertThat(TenantContext.callAs(tenant, () -> calendar.of(null, noHoliday))
                            .kind())
                    .isEqualTo(DayKind.WEEKEND);
            assertThat(noSidewaysScrollAt360(admin)).as("fits a 360 px phone").isTrue();
        } finally {
            admin.quit();
        }
    }

    @Test
    void aNewPolicyVersionStartsFromTheCurrentOneAndIsSavedWithCheckboxes() {
        String code = onboard("versi", "Kabupaten Versi");
        TenantCode tenant = TenantCode.of(code);
        switches.change(tenant, "fwa", true, Map.of(), "test");
        UUID health = unit(tenant, "DINKES", "Dinas Kesehatan");
        UUID registry = unit(tenant, "DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        TenantContext.runAs(
                tenant,
                () -> policies.add(
                        new PolicyVersion(
                                null,
                                today,
                                true,
                                Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                                LocalDate.parse("2026-01-22"),
                                LocalDate.parse("2026-04-22"),
                                Set.of(7, 8, 9),
                                true,
                                false,
                                false,
                                false,
                                50,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "Perbup 12/2026",
                                List.of(new PolicyVersion.Window(
                                        LocalDate.parse("2025-12-29"),
                                        LocalDate.parse("2025-12-31"),
                                        "SE MenPANRB B/531/M.KT.02/2025")),
                                List.of(new PolicyVersion.UnitRule(health, true, null, null)),
                                null,
                                null),
                        "test"));
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);

        WebDriver admin = Browser.chromium();
        try {
            logIn(admin, BASE + "/t/" + code + "/fwa/policy", "boss", TestRealms.PASSWORD);
            Browser.waitFor(admin, By.id("policy-form"));
            assertThat(admin.findElement(By.id("wfa-THURSDAY")).isSelected()).isTrue();
            assertThat(admin.findElement(By.id("wfa-FRIDAY")).isSelected()).isTrue();
            assertThat(admin.findElement(By.id("wfa-MONDAY")).isSelected()).isFalse();
            assertThat(admin.findElement(By.id("trialFrom")).getAttribute("value"))
                    .isEqualTo("2026-01-22");
            assertThat(admin.findElement(By.id("talentBoxes")).getAttribute("value"))
                    .isEqualTo("7, 8, 9");
            assertThat(admin.findElement(By.id("maxPercent")).getAttribute("value"))
                    .isEqualTo("50");
            assertThat(admin.findElement(By.id("note")).getAttribute("value")).isEqualTo("Perbup 12/2026");
            assertThat(admin.findElement(By.cssSelector("#always-wfo input[value='" + health + "']"))
                            .isSelected())
                    .isTrue();
            assertThat(admin.findElements(By.cssSelector("select[multiple]")))
                    .as("no Ctrl-click list")
                    .isEmpty();

            ((JavascriptExecutor) admin)
                    .executeScript(
                            "document.getElementById('effectiveFrom').value = arguments[0];",
                            today.plusDays(1).toString());
            admin.findElement(By.id("wfa-FRIDAY")).click();
            admin.findElement(By.id("wfa-WEDNESDAY")).click();
            WebElement second = admin.findElement(By.cssSelector("#always-wfo input[value='" + registry + "']"));
            ((JavascriptExecutor) admin).executeScript("arguments[0].scrollIntoView({block: 'center'});", second);
            second.click();
            admin.findElement(By.id("save-policy")).submit();
            new WebDriverWait(admin, Duration.ofSeconds(20))
                    .until(ExpectedConditions.or(
                            ExpectedConditions.presenceOfElementLocated(By.id("done")),
                            ExpectedConditions.presenceOfElementLocated(By.id("error"))));
            assertThat(admin.findElements(By.id("done")))
                    .as(admin.findElement(By.tagName("main")).getText())
                    .hasSize(1);
            assertThat(admin.findElement(By.id("done")).getText()).isEqualTo("Versi kebijakan tersimpan.");
            assertThat(admin.findElement(By.id("wfa-FRIDAY")).isSelected())
                    .as("the next version starts from the saved one")
                    .isFalse();
        } finally {
            admin.quit();
        }
        List<PolicyVersion> versions = TenantContext.callAs(tenant, policies::versions);
        assertThat(versions).hasSize(2);
        PolicyVersion saved = versions.get(1);
        assertThat(saved.effectiveFrom()).isEqualTo(today.plusDays(1));
        assertThat(saved.wfaWeekdays()).isEqualTo(EnumSet.of(DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        assertThat(saved.trialFrom()).isEqualTo(LocalDate.parse("2026-01-22"));
        assertThat(saved.allowedTalentBoxes()).containsExactlyInAnyOrder(7, 8, 9);
        assertThat(saved.excludeFaceToFace()).isTrue();
        assertThat(saved.maxPercent()).isEqualTo(50);
        assertThat(saved.note()).isEqualTo("Perbup 12/2026");
        assertThat(saved.windows())
                .extracting(PolicyVersion.Window::name)
                .containsExactly("SE MenPANRB B/531/M.KT.02/2025");
        assertThat(saved.units())
                .extracting(PolicyVersion.UnitRule::unitId)
                .containsExactlyInAnyOrder(health, registry);
    }

    private UUID unit(TenantCode tenant, String code, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + tenant.schemaName() + ".org_unit (id, code, name, kind) values (?, ?, ?, 'DINAS')")
                .params(id, code, name)
                .update();
        return id;
    }

    /** The Content-Security-Policy a page of this session is answered with. */
    private static String policyOf(WebDriver browser, String path) {
        return (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(function (r) { done(r.headers.get('content-security-policy')); });",
                        path);
    }

    /** The page at a 360 px wide window: nothing wider than the screen. */
    private static boolean noSidewaysScrollAt360(WebDriver browser) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        Number width =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        Number client =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        return width.intValue() <= client.intValue();
    }

    /** The first Monday to Friday on or after the date that is no national holiday. */
    private LocalDate workingDayAfter(LocalDate from) {
        LocalDate day = from;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || jdbc.sql("select count(*) from platform.national_holiday where date = ?")
                                .param(day)
                                .query(Integer.class)
                                .single()
                        > 0) {
            day = day.plusDays(1);
        }
        return day;
    }
}
