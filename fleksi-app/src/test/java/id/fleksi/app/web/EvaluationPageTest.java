package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ASN reads last month's deductions on her phone, line by line: a day 45 minutes late and a day with nothing at
 * all, under Mukomuko's rules, in Bahasa Indonesia. BKD starts the rules from a preset and reads the pemda per OPD down
 * to an employee; the supervisor rates his team's month.
 */
class EvaluationPageTest extends PageTest {

    @Autowired
    RuleSets rules;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void theAsnReadsHerMonthsDeductionsLineByLine() {
        String code = onboard("evalpage", "Kabupaten Evaluasi");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, null, Role.ASN);
        YearMonth month =
                YearMonth.from(LocalDate.now(ZoneId.of("Asia/Makassar"))).minusMonths(1);
        List<LocalDate> working = TenantContext.callAs(TenantCode.of(code), () -> {
            rules.seedHistory(rules.draft(RulePresets.MUKOMUKO_2021, LocalDate.of(2021, 6, 14)), "bkd");
            WorkingCalendar.Snapshot days = calendar.snapshot(month.atDay(1), month.atEndOfMonth());
            return month.atDay(1)
                    .datesUntil(month.atEndOfMonth().plusDays(1))
                    .filter(d -> days.of(unit, d).isWorking())
                    .toList();
        });
        // She started on the month's second-last working day: late on it, nothing at all on the last.
        LocalDate late = working.get(working.size() - 2);
        LocalDate absent = working.get(working.size() - 1);
        jdbc.sql("update " + s + ".employee set start_date = ? where id = ?")
                .params(late, siti)
                .update();
        for (String kind : new String[] {"IN", "OUT"}) {
            jdbc.sql("insert into " + s
                            + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                            + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, minutes_early)"
                            + " values (?, ?, ?, ?, ?, 'WFO', now(), now(), false, -1.74, 119.53, 10, ?, 0)")
                    .params(
                            UUID.randomUUID(),
                            UUID.randomUUID().toString(),
                            siti,
                            late,
                            kind,
                            kind.equals("IN") ? 45 : 0)
                    .update();
        }

        WebDriver browser = Browser.chromium();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            logIn(browser, BASE + "/t/" + code + "/evaluation/?month=" + month, "asn", TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("lines"));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Evaluasi saya, " + monthName(month));
            assertThat(browser.findElements(By.cssSelector("#lines li .why")))
                    .extracting(e -> e.getText())
                    .containsExactly("Terlambat 45 menit (31–60 menit): 1%", "Tidak hadir tanpa keterangan: 5%");
            assertThat(browser.findElement(By.id("percent")).getText()).isEqualTo("6%");
            assertThat(browser.findElement(By.id("working-days")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("late")).getText()).isEqualTo("1 hari, 45 menit");
            assertThat(browser.findElement(By.id("rating")).getText()).contains("Belum dinilai.");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
        } finally {
            browser.quit();
        }
    }

    @Test
    void bkdStartsTheRulesFromAPresetAndReadsThePemdaPerOpdAndTheSupervisorRatesHisTeam() {
        String code = onboard("evalbkd", "Kabupaten Evaluasi");
        String s = "tenant_" + code;
        UUID dinkes = UUID.randomUUID();
        UUID puskesmas = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(dinkes)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".org_unit (id, parent_id, code, name, kind) values (?, ?, 'PKM', 'Puskesmas Tobadak', 'UPT')")
                .params(puskesmas, dinkes)
                .update();
        employee(code, "bkd", "Budi Kepegawaian", dinkes, null, Role.BKD);
        UUID andi = employee(code, "atasan", "Andi Atasan", dinkes, null, Role.ATASAN);
        employee(code, "asn", "Siti Aparatur", puskesmas, andi, Role.ASN);
        YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Makassar")));

        WebDriver bkd = Browser.chromium();
        try {
            bkd.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            logIn(bkd, BASE + "/t/" + code + "/evaluation/rules", "bkd", TestRealms.PASSWORD);
            Browser.waitFor(bkd, By.id("new-version"));
            assertThat(bkd.findElement(By.id("no-rules")).getText()).startsWith("Belum ada aturan potongan");
            // Choosing the base fills the form with its figures and bands (the page's small script sends the choice).
            assertThat(value(bkd, "lateBands[1].fromMinutes")).isEqualTo("31");
            new org.openqa.selenium.support.ui.Select(bkd.findElement(By.id("from")))
                    .selectByValue(RulePresets.MUKOMUKO_2021);
            new org.openqa.selenium.support.ui.WebDriverWait(bkd, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("from=" + RulePresets.MUKOMUKO_2021));
            assertThat(value(bkd, "noApelPercent")).isEqualTo("2");
            assertThat(bkd.findElements(By.cssSelector("#lateBands .band"))).hasSize(4);

            // Typed wrong: TL2 overlapping TL1 and a percentage over 100. Refused, each fault on its own line naming
            // the
            // band and the field in Bahasa Indonesia, the faulty inputs marked, and everything as it was typed.
            type(bkd, "capPercent", "40");
            type(bkd, "lateBands[1].fromMinutes", "25");
            type(bkd, "lateBands[0].percent", "150");
            bkd.findElement(By.id("save")).click();
            Browser.waitFor(bkd, By.id("faults"));
            assertThat(bkd.findElements(By.cssSelector("#faults li")))
                    .extracting(e -> e.getText())
                    .containsExactly(
                            "Terlambat (TL), kelas 1 (TL1), persen: 0 sampai 100, paling banyak dua desimal",
                            "Terlambat (TL), kelas 2 (TL2), menit awal: 25 menit sudah termasuk kelas sebelumnya (sampai 30 menit); isi 31");
            assertThat(bkd.findElement(By.id("lateBands[1].fromMinutes")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(bkd.findElement(By.id("lateBands[1].toMinutes")).getAttribute("aria-invalid"))
                    .isNull();
            assertThat(value(bkd, "lateBands[1].fromMinutes")).isEqualTo("25");
            assertThat(value(bkd, "lateBands[0].percent")).isEqualTo("150");
            assertThat(value(bkd, "capPercent")).isEqualTo("40");
            assertThat(rulesVersions(code)).isZero();

            // Corrected, and the Perbup's fifth band added: TL4 ends at 120 minutes, TL5 beyond it. A row added by
            // mistake is removed again; the buttons send the form back as typed, nothing is saved until Simpan.
            type(bkd, "lateBands[0].percent", "0,5");
            type(bkd, "lateBands[1].fromMinutes", "31");
            type(bkd, "lateBands[3].toMinutes", "120");
            addRow(bkd);
            addRow(bkd);
            assertThat(bkd.findElements(By.cssSelector("#lateBands .band"))).hasSize(6);
            assertThat(value(bkd, "lateBands[3].toMinutes")).isEqualTo("120");
            bkd.findElement(By.cssSelector("#lateBands button[name=remove][value='lateBands:5']"))
                    .click();
            new org.openqa.selenium.support.ui.WebDriverWait(bkd, java.time.Duration.ofSeconds(20))
                    .until(d ->
                            d.findElements(By.cssSelector("#lateBands .band")).size() == 5);
            type(bkd, "lateBands[4].code", "TL5");
            type(bkd, "lateBands[4].fromMinutes", "121");
            type(bkd, "lateBands[4].percent", "2");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) bkd)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            bkd.findElement(By.id("save")).click();
            Browser.waitFor(bkd, By.id("done"));
            String version = bkd.findElement(By.cssSelector("section.version[data-version='1']"))
                    .getText();
            assertThat(version)
                    .contains(
                            "Versi 1, berlaku mulai " + LocalDate.now(ZoneId.of("Asia/Makassar")),
                            "Kabupaten Mukomuko",
                            "Terlambat TL2",
                            "31–60 menit",
                            "Terlambat TL4",
                            "91–120 menit",
                            "Terlambat TL5",
                            "lebih dari 120 menit",
                            "tidak apel 2%",
                            "batas sebulan 40%",
                            "Sumber: Peraturan Bupati Mukomuko Nomor 10 Tahun 2021");

            bkd.get(BASE + "/t/" + code + "/evaluation/opds?month=" + month);
            Browser.waitFor(bkd, By.id("pemda-total"));
            assertThat(bkd.findElement(By.cssSelector("tr[data-unit=DINKES]")).getText())
                    .startsWith("Dinas Kesehatan 3");
            bkd.findElement(By.linkText("Dinas Kesehatan")).click();
            Browser.waitFor(bkd, By.id("unit-total"));
            assertThat(bkd.findElements(By.cssSelector("tr[data-employee] a")))
                    .extracting(e -> e.getText())
                    .containsExactly("Andi Atasan", "Budi Kepegawaian", "Siti Aparatur");
            bkd.findElement(By.linkText("Siti Aparatur")).click();
            Browser.waitFor(bkd, By.id("lines"));
            assertThat(bkd.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Evaluasi Siti Aparatur, " + monthName(month));
        } finally {
            bkd.quit();
        }

        WebDriver atasan = Browser.chromium();
        try {
            atasan.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            logIn(atasan, BASE + "/t/" + code + "/evaluation/team?month=" + month, "atasan", TestRealms.PASSWORD);
            Browser.waitFor(atasan, By.cssSelector("section.member"));
            atasan.findElement(By.cssSelector("section.member input[name=rating][value='4']"))
                    .click();
            atasan.findElement(By.cssSelector("section.member textarea[name=note]"))
                    .sendKeys("Laporan rapi");
            atasan.findElement(By.cssSelector("section.member button[type=submit]"))
                    .click();
            Browser.waitFor(atasan, By.id("done"));
            assertThat(atasan.findElement(By.id("done")).getText()).isEqualTo("Penilaian tersimpan.");
            assertThat(atasan.findElement(By.cssSelector("section.member input[name=rating][value='4']"))
                            .isSelected())
                    .isTrue();
            assertThat(atasan.findElement(By.cssSelector("section.member textarea[name=note]"))
                            .getAttribute("value"))
                    .isEqualTo("Laporan rapi");
        } finally {
            atasan.quit();
        }
    }

    private static String value(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static void type(WebDriver browser, String id, String text) {
        org.openqa.selenium.WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Tambah kelas under the lateness bands: the page comes back with one row more. */
    private static void addRow(WebDriver browser) {
        int rows = browser.findElements(By.cssSelector("#lateBands .band")).size();
        browser.findElement(By.cssSelector("#lateBands button[name=add]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#lateBands .band")).size() == rows + 1);
    }

    private int rulesVersions(String code) {
        return jdbc.sql("select count(*) from tenant_" + code + ".evaluation_rule_set")
                .query(Integer.class)
                .single();
    }

    /** "November 2026", as the page names a month. */
    private static String monthName(YearMonth month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.forLanguageTag("id"))
                .format(month);
    }
}
