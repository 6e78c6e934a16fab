package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tenant admin's settings forms are made from the modules' settings records: a checkbox for yes/no, a number with its
 * bounds, two time inputs for a window of hours, a text box with its pattern; a wrong value is refused naming the setting
 * by its label, in Indonesian, and changes nothing; a right one is kept as the API would keep it.
 */
class ModuleSettingsPageTest extends PageTest {

    @Autowired
    ModuleSwitches switches;

    @Test
    void eachSettingIsAnInputOfItsKindAndAWrongValueIsRefusedByItsLabel() throws Exception {
        String code = onboard("setelan", "Kabupaten Setelan");
        TenantCode tenant = TenantCode.of(code);
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        PageVisitor admin = PageVisitor.loggedIn(BASE, "/t/" + code + "/admin/modules", "boss");
        String modules = "/t/" + code + "/admin/modules";

        String page = admin.open(modules).body();
        assertThat(page)
                .contains(
                        "<input type=\"checkbox\" id=\"activity-reports-refuseCheckOutWithoutActivity\""
                                + " name=\"settings.refuseCheckOutWithoutActivity\" value=\"true\" checked=\"checked\">",
                        "<input type=\"number\" inputmode=\"numeric\" step=\"1\" required id=\"attendance-latenessToleranceMinutes\""
                                + " name=\"settings.latenessToleranceMinutes\" value=\"30\" min=\"0\" max=\"120\">",
                        "<input type=\"time\" required id=\"attendance-checkInWindow-from\" name=\"settings.checkInWindow.from\" value=\"06:00\">",
                        "<input type=\"time\" required id=\"attendance-checkInWindow-to\" name=\"settings.checkInWindow.to\" value=\"12:00\">",
                        "<input type=\"time\" required id=\"attendance-checkOutWindow-from\" name=\"settings.checkOutWindow.from\" value=\"14:00\">",
                        "<input type=\"time\" required id=\"attendance-checkOutWindow-to\" name=\"settings.checkOutWindow.to\" value=\"18:00\">",
                        "<legend>Jam presensi masuk</legend>")
                .containsPattern("<input type=\"text\" id=\"monitoring-mailFrom\" name=\"settings.mailFrom\" value=\"\""
                        + " pattern=\"[^\"]*\\\\-]\\{1,253}\">")
                .doesNotContain("value=\"true\" id=", "JJ:MM-JJ:MM");

        PageVisitor.Page refused = admin.post(
                modules,
                "/t/" + code + "/admin/modules/attendance",
                List.of(
                        Map.entry("settings.offlineWindowHours", "12"),
                        Map.entry("settings.latenessToleranceMinutes", "setengah jam"),
                        Map.entry("settings.locationRetentionDays", "365"),
                        Map.entry("settings.checkInWindow.from", "07:00"),
                        Map.entry("settings.checkInWindow.to", ""),
                        Map.entry("settings.checkOutWindow.from", "14:00"),
                        Map.entry("settings.checkOutWindow.to", "18:00")));
        assertThat(refused.text("error"))
                .isEqualTo("Toleransi keterlambatan (menit) harus bilangan bulat 0–120; Jam presensi"
                        + " masuk harus berupa dua jam, dari dan sampai (JJ:MM). Tidak ada yang diubah.");
        assertThat(switches.states(tenant).stream()
                        .filter(s -> s.module().id().equals("attendance"))
                        .findFirst()
                        .orElseThrow()
                        .settings())
                .containsEntry("latenessToleranceMinutes", 30L)
                .containsEntry("checkInWindow", "06:00-12:00");

        PageVisitor.Page saved = admin.post(
                modules,
                "/t/" + code + "/admin/modules/attendance",
                List.of(
                        Map.entry("settings.offlineWindowHours", "12"),
                        Map.entry("settings.latenessToleranceMinutes", "15"),
                        Map.entry("settings.locationRetentionDays", "365"),
                        Map.entry("settings.checkInWindow.from", "07:00:00"),
                        Map.entry("settings.checkInWindow.to", "10:30"),
                        Map.entry("settings.checkOutWindow.from", "15:00"),
                        Map.entry("settings.checkOutWindow.to", "19:00")));
        assertThat(saved.text("saved")).isEqualTo("Modul attendance disimpan.");
        // The checkbox unticked: only its marker is sent, which says "no".
        admin.post(
                modules,
                "/t/" + code + "/admin/modules/activity-reports",
                List.of(
                        Map.entry("_settings.refuseCheckOutWithoutActivity", "on"),
                        Map.entry("settings.deadlineWorkingDays", "1"),
                        Map.entry("settings.deadlineHour", "10")));
        Map<String, Map<String, Object>> settings = new java.util.HashMap<>();
        switches.states(tenant).forEach(s -> settings.put(s.module().id(), s.settings()));
        assertThat(settings.get("attendance"))
                .containsEntry("latenessToleranceMinutes", 15L)
                .containsEntry("checkInWindow", "07:00-10:30")
                .containsEntry("checkOutWindow", "15:00-19:00");
        assertThat(settings.get("activity-reports")).containsEntry("refuseCheckOutWithoutActivity", false);
        assertThat(admin.open(modules).body())
                .contains(
                        "name=\"settings.checkInWindow.from\" value=\"07:00\"",
                        "name=\"settings.refuseCheckOutWithoutActivity\" value=\"true\">");

        admin.open(modules + "?lang=en"); // the reader who chose English reads the English labels
        PageVisitor.Page inEnglish = admin.post(
                modules,
                "/t/" + code + "/admin/modules/attendance",
                List.of(Map.entry("settings.latenessToleranceMinutes", "121")));
        assertThat(inEnglish.text("error"))
                .isEqualTo(
                        "Lateness tolerance (minutes) must be a whole number from 0 to 120." + " Nothing was changed.");
    }
}
