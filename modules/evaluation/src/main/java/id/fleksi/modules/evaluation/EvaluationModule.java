package id.fleksi.modules.evaluation;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.modules.reports.ActivityReportsModule;
import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Evaluation (evaluasi kinerja dan TPP): the month judged by the tenant's own rules. TPP deductions by the Perbup's
 * bands, the monthly evaluation per employee, OPD and pemda, closing a month before pay, exports for payroll and
 * e-Kinerja, the WFA trial's verdict, and the public's voice on each OPD's service. It reads attendance, activity
 * reports and the apel through their public faces; it writes none of their tables.
 */
@Component
public class EvaluationModule implements FeatureModule {

    public static final String ID = "evaluation";

    /**
     * The realm role of another system's token (a client with the client-credentials grant, made by the tenant admin): it
     * reaches the exports of the month and nothing else of the API.
     */
    public static final String EXPORT_ROLE = "evaluation-export";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Evaluasi dan TPP", "Evaluation and TPP");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "Potongan TPP menurut Perbup, evaluasi bulanan, tutup bulan, ekspor, hasil uji coba WFA dan suara publik",
                "TPP deductions by the Perbup's rules, the monthly evaluation, closing the month, exports, the WFA trial's verdict and the public's voice");
    }

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(AttendanceModule.ID, ActivityReportsModule.ID, MonitoringModule.ID);
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/evaluation.yaml";
    }

    @Override
    public Set<String> realmRoles() {
        return Set.of(EXPORT_ROLE);
    }

    @Override
    public List<MenuEntry> menu() {
        // Heads of OPD see their OPD's evaluation, the public's voice and the exports as supervisors (atasan); each
        // page
        // shows a person only the parts that are theirs.
        return List.of(
                new MenuEntry(
                        "evaluation/",
                        LocalizedText.of("Evaluasi dan potongan TPP saya", "My evaluation and TPP deduction"),
                        Set.of(Role.ASN)),
                new MenuEntry(
                        "evaluation/team",
                        LocalizedText.of("Evaluasi tim", "My team's evaluation"),
                        Set.of(Role.ATASAN)),
                new MenuEntry(
                        "evaluation/opds",
                        LocalizedText.of("Evaluasi per OPD", "Evaluation per OPD"),
                        Set.of(Role.BKD, Role.ATASAN),
                        Set.of(MonitoringModule.LEADER)),
                new MenuEntry(
                        "evaluation/rules",
                        LocalizedText.of("Aturan potongan TPP", "TPP deduction rules"),
                        Set.of(Role.BKD, Role.TENANT_ADMIN)),
                new MenuEntry(
                        "evaluation/closing", LocalizedText.of("Tutup bulan", "Closing the month"), Set.of(Role.BKD)),
                new MenuEntry(
                        "evaluation/exports",
                        LocalizedText.of("Ekspor bulanan (TPP)", "Monthly exports (TPP)"),
                        Set.of(Role.BKD, Role.ATASAN)),
                new MenuEntry(
                        "evaluation/export-clients",
                        LocalizedText.of("Klien API ekspor", "Export API clients"),
                        Set.of(Role.TENANT_ADMIN)),
                new MenuEntry(
                        "evaluation/trial",
                        LocalizedText.of("Hasil uji coba WFA", "WFA trial verdict"),
                        Set.of(Role.BKD, Role.TENANT_ADMIN),
                        Set.of(MonitoringModule.LEADER)),
                new MenuEntry(
                        "evaluation/feedback",
                        LocalizedText.of("Suara publik", "The public's voice"),
                        Set.of(Role.BKD, Role.TENANT_ADMIN, Role.ATASAN),
                        Set.of(MonitoringModule.LEADER)));
    }

    @Override
    public boolean enabledForNewTenants() {
        return true;
    }
}
