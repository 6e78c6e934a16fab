package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.provisioning.testing.TestRealms;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ASN reads last month's deductions on her phone, line by line: a day 45 minutes late and a day with nothing at
 * all, under Mukomuko's rules, in Bahasa Indonesia.
 */
class EvaluationPageTest extends PageTest {

    @Autowired RuleSets rules;
    @Autowired WorkingCalendar calendar;

    @Test
    void theAsnReadsHerMonthsDeductionsLineByLine() {
        String code = onboard("evalpage", "Kabupaten Evaluasi");
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')").param(unit).update();
        UUID siti = employee(code, "asn", "Siti Aparatur", unit, null, Role.ASN);
        YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Makassar"))).minusMonths(1);
        List<LocalDate> working = TenantContext.callAs(TenantCode.of(code), () -> {
            rules.seedHistory(rules.draft(RulePresets.MUKOMUKO_2021, LocalDate.of(2021, 6, 14)), "bkd");
            WorkingCalendar.Snapshot days = calendar.snapshot(month.atDay(1), month.atEndOfMonth());
            return month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).filter(d -> days.of(unit, d).isWorking()).toList();
        });
        // She started on the month's second-last working day: late on it, nothing at all on the last.
        LocalDate late = working.get(working.size() - 2);
        LocalDate absent = working.get(working.size() - 1);
        jdbc.sql("update " + s + ".employee set start_date = ? where id = ?").params(late, siti).update();
        for (String kind : new String[] {"IN", "OUT"}) {
            jdbc.sql("insert into " + s + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                            + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, minutes_early)"
                            + " values (?, ?, ?, ?, ?, 'WFO', now(), now(), false, -1.74, 119.53, 10, ?, 0)")
                    .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, late, kind, kind.equals("IN") ? 45 : 0).update();
        }

        WebDriver browser = Browser.chromium();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            logIn(browser, BASE + "/t/" + code + "/evaluation/?month=" + month, "asn", TestRealms.PASSWORD);
            Browser.waitFor(browser, By.id("lines"));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Evaluasi saya, " + month);
            assertThat(browser.findElements(By.cssSelector("#lines li .why"))).extracting(e -> e.getText()).containsExactly(
                    "Terlambat 45 menit (31–60 menit): 1%", "Tidak hadir tanpa keterangan: 5%");
            assertThat(browser.findElement(By.id("percent")).getText()).isEqualTo("6%");
            assertThat(browser.findElement(By.id("working-days")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("late")).getText()).isEqualTo("1 hari, 45 menit");
            assertThat(browser.findElement(By.id("rating")).getText()).contains("Belum dinilai.");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
        } finally {
            browser.quit();
        }
    }
}
