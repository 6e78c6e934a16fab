package id.fleksi.modules.monitoring;

import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The province's view of the kabupaten it hosts or once hosted: each one's day in counts per OPD, the same aggregate
 * whether counted from its schema here or received by its replica's daily feed. No name, NIP, username or place can
 * be in it ({@link KabupatenFigures}). A kabupaten's own leaders see exactly what the province sees of them. Each
 * kabupaten's counts are at most the live interval old ({@link KabupatenDays}).
 */
@Service
public class ProvinceView {

    /**
     * One kabupaten's day as the province sees it.
     *
     * @param source {@code HOSTED} (counted here now) or {@code FEED} (as its replica last sent it); null: nothing for the day
     */
    @Schema(name = "ProvinceKabupaten")
    public record Kabupaten(
            String code,
            String name,
            LocalDate day,
            String status,
            String hosting,
            KabupatenFigures.@Nullable Source source,
            @Nullable Instant countedAt,
            KabupatenFigures.Opd total,
            List<KabupatenFigures.Opd> opds) {}

    @Schema(name = "ProvinceView")
    public record View(String province, String name, LocalDate day, List<Kabupaten> kabupaten) {}

    private final TenantRegistry registry;
    private final KabupatenDays figures;
    private final Clock clock;

    ProvinceView(TenantRegistry registry, KabupatenDays figures, Clock clock) {
        this.registry = registry;
        this.figures = figures;
        this.clock = clock;
    }

    /** Today for each kabupaten of this province (its children in the registry). */
    public View of(Tenant province, Caller caller) {
        requireLeader(caller, "the province's view");
        if (province.kind() != TenantKind.PROVINCE) {
            throw Problem.notFound(
                            "not-a-province",
                            "Not a province",
                            province.name() + " is not a province: it has no"
                                    + " kabupaten to see. Its own day is on the monitoring page.")
                    .values(province.name());
        }
        LocalDate day = today(province);
        List<Kabupaten> kabupaten = registry.list().stream()
                .filter(t -> province.code().equals(t.parent()))
                .sorted(Comparator.comparing(Tenant::name))
                .map(t -> seen(t, day))
                .toList();
        return new View(province.code().value(), province.name(), day, kabupaten);
    }

    /** What the province sees of this kabupaten today: shown to the kabupaten's own leaders and admin. */
    public Kabupaten seenByProvince(Tenant kabupaten, Caller caller) {
        requireLeader(caller, "what the province sees");
        return seen(kabupaten, today(kabupaten));
    }

    private Kabupaten seen(Tenant kabupaten, LocalDate day) {
        Optional<KabupatenFigures.CountedDay> counted = figures.of(kabupaten, day);
        List<KabupatenFigures.Opd> opds =
                counted.map(KabupatenFigures.CountedDay::opds).orElse(List.of());
        return new Kabupaten(
                kabupaten.code().value(),
                kabupaten.name(),
                day,
                kabupaten.status().name(),
                kabupaten.hosting().name(),
                counted.map(KabupatenFigures.CountedDay::source).orElse(null),
                counted.map(KabupatenFigures.CountedDay::countedAt).orElse(null),
                KabupatenFigures.Opd.total(kabupaten.code().value(), kabupaten.name(), opds),
                opds);
    }

    private LocalDate today(Tenant tenant) {
        return clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
    }

    private static void requireLeader(Caller caller, String what) {
        if (!caller.roles().contains(MonitoringModule.LEADER)
                && !caller.hasRole(Role.BKD)
                && !caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden(
                            "province-view-not-allowed",
                            "Not allowed",
                            "Only leaders (pimpinan), BKD and the tenant admin" + " see " + what + ".")
                    .values(what);
        }
    }
}
