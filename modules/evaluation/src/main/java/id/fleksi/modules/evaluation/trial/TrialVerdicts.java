package id.fleksi.modules.evaluation.trial;

import id.fleksi.modules.evaluation.ServiceRatings;
import id.fleksi.modules.evaluation.trial.TrialVerdict.Measure;
import id.fleksi.modules.evaluation.trial.internal.Tally;
import id.fleksi.modules.evaluation.trial.internal.TrialCohort;
import id.fleksi.modules.evaluation.trial.internal.TrialDays;
import id.fleksi.modules.evaluation.trial.internal.TrialMeasures;
import id.fleksi.modules.evaluation.trial.internal.TrialSummary;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The WFA trial's verdict for pimpinan, BKD and the tenant admin. The people compared are read once; their days are then
 * answered by FWA and counted by the database a slice of employees at a time (a few statements per slice and period, never
 * one per employee or day); public ratings come from the feedback part per OPD and period, when it is there.
 */
@Service
public class TrialVerdicts {

    /** Employees whose days are answered and counted together. */
    static final int SLICE = 1000;

    private final JdbcClient jdbc;
    private final WorkModes modes;
    private final TrialPeriods periods;
    private final ObjectProvider<ServiceRatings> ratings;
    private final MessageSource messages;
    private final Clock clock;

    TrialVerdicts(
            JdbcClient jdbc,
            WorkModes modes,
            TrialPeriods periods,
            ObjectProvider<ServiceRatings> ratings,
            MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.modes = modes;
        this.periods = periods;
        this.ratings = ratings;
        this.messages = messages;
        this.clock = clock;
    }

    /** Who may read the verdict: leaders (pimpinan), BKD and the tenant admin. */
    public static void requireAllowed(Caller caller) {
        if (!caller.roles().contains(MonitoringModule.LEADER)
                && !caller.hasRole(Role.BKD)
                && !caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden(
                    "trial-not-allowed",
                    "Not allowed",
                    "The WFA trial's verdict is for leaders (pimpinan), BKD and the tenant admin.");
        }
    }

    /** The comparison asked for, with what is not given taken from the tenant's FWA policy. Runs with the tenant set. */
    public TrialComparison comparison(
            Tenant tenant,
            @Nullable String mode,
            @Nullable LocalDate trialFrom,
            @Nullable LocalDate trialTo,
            @Nullable LocalDate baselineFrom,
            @Nullable LocalDate baselineTo) {
        return periods.comparison(tenant, mode, trialFrom, trialTo, baselineFrom, baselineTo);
    }

    /** The verdict for this caller, in the reader's language. Runs with the tenant set. */
    public TrialVerdict verdict(Tenant tenant, Caller caller, TrialComparison c, Locale locale) {
        requireAllowed(caller);
        MessageSourceAccessor text = new MessageSourceAccessor(messages, locale);
        ZoneId zone = tenant.timeZone().zone();
        TrialCohort.People people = TrialCohort.read(jdbc, c.earliest(), zone);
        Map<UUID, Tally[]> tallies = new HashMap<>();
        for (List<UUID> slice : TrialCohort.slices(people.opdOf(), SLICE)) {
            if (c.mode() == TrialComparison.Mode.PERIODS) {
                TrialDays.count(jdbc, modes, slice, c.baselineFrom(), c.baselineTo(), day -> 0, tallies);
                TrialDays.count(jdbc, modes, slice, c.trialFrom(), c.counted(), day -> 1, tallies);
            } else {
                TrialDays.count(
                        jdbc,
                        modes,
                        slice,
                        c.trialFrom(),
                        c.counted(),
                        day -> day.mode() == WorkMode.WFA ? 1 : 0,
                        tallies);
            }
        }
        // The same people on both sides: anyone without a working day on one side (or, comparing days, without a WFA
        // day
        // or an office day) is left out too.
        Map<String, Integer> leftOut = new java.util.LinkedHashMap<>(people.leftOut());
        Map<UUID, UUID> compared = new java.util.LinkedHashMap<>();
        String oneSided = c.mode() == TrialComparison.Mode.PERIODS ? "NO_WORKING_DAYS" : "NO_WFA_DAYS";
        people.opdOf().forEach((employee, opd) -> {
            Tally[] both = tallies.get(employee);
            if (both == null || both[0].expected() == 0 || both[1].expected() == 0) {
                leftOut.merge(oneSided, 1, Integer::sum);
                tallies.remove(employee);
            } else {
                compared.put(employee, opd);
            }
        });
        Map<UUID, Tally[]> byOpd = TrialDays.byOpd(tallies, compared);
        Map<UUID, Integer> heads = new HashMap<>();
        compared.values().forEach(opd -> heads.merge(opd, 1, Integer::sum));

        ServiceRatings feedback = c.mode() == TrialComparison.Mode.PERIODS ? ratings.getIfAvailable() : null;
        List<TrialVerdict.Opd> opds = new ArrayList<>();
        Tally totalA = Tally.NONE;
        Tally totalB = Tally.NONE;
        for (TrialCohort.Opd opd : people.opds().values()) {
            Tally[] both = byOpd.get(opd.id());
            if (both == null) {
                continue;
            }
            totalA = totalA.plus(both[0]);
            totalB = totalB.plus(both[1]);
            opds.add(new TrialVerdict.Opd(
                    opd.id(),
                    opd.code(),
                    opd.name(),
                    heads.get(opd.id()),
                    TrialMeasures.of(
                            both[0],
                            both[1],
                            heads.get(opd.id()),
                            rated(feedback, tenant, opd.id(), c.baselineFrom(), c.baselineTo()),
                            rated(feedback, tenant, opd.id(), c.trialFrom(), c.counted()),
                            text)));
        }
        List<Measure> total = TrialMeasures.of(
                totalA,
                totalB,
                compared.size(),
                rated(feedback, tenant, null, c.baselineFrom(), c.baselineTo()),
                rated(feedback, tenant, null, c.trialFrom(), c.counted()),
                text);
        List<TrialVerdict.LeftOut> reasons = leftOut.entrySet().stream()
                .map(e -> new TrialVerdict.LeftOut(
                        e.getKey(), text.getMessage("trial.leftOut." + e.getKey()), e.getValue()))
                .toList();
        int left = reasons.stream().mapToInt(TrialVerdict.LeftOut::employees).sum();
        TrialVerdict.Conclusion conclusion = TrialSummary.conclusion(total);
        String side = c.mode() == TrialComparison.Mode.PERIODS ? "periods" : "days";
        return new TrialVerdict(
                tenant.code().value(),
                tenant.name(),
                c,
                List.of(text.getMessage("trial.arm." + side + ".a"), text.getMessage("trial.arm." + side + ".b")),
                new TrialVerdict.Cohort(compared.size(), reasons),
                TrialMeasures.MINIMUMS,
                total,
                opds,
                TrialSummary.sentences(tenant.name(), c, compared.size(), left, total, conclusion, text, locale),
                conclusion,
                clock.instant());
    }

    private static ServiceRatings.@Nullable Summary rated(
            @Nullable ServiceRatings feedback,
            Tenant tenant,
            @Nullable UUID unit,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        return feedback == null || from == null || to == null ? null : feedback.between(tenant.code(), unit, from, to);
    }
}
