package id.fleksi.provisioning.feed;

import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.tenancy.TenantCode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the province: the days self-hosted tenants reported, in {@code platform.feed_day} and {@code feed_day_opd}. A day has
 * one set of figures, the one its replica counted last: a day received again replaces its figures, never adds to them,
 * and one counted earlier than what is here (a late retry, a replay) changes nothing.
 */
@Component
public class FeedDays {

    /** A day as the province received it, with its totals over the OPD. */
    @Schema(name = "ReceivedFeedDay")
    public record ReceivedDay(
            LocalDate day,
            Instant generatedAt,
            Instant receivedAt,
            String signer,
            Totals totals,
            List<DailyFeed.Opd> opds) {}

    /** The tenant's figures for the day, over all its OPD. */
    @Schema(name = "FeedTotals")
    public record Totals(
            int opds,
            int employees,
            @Nullable Integer expected,
            DailyFeed.CheckIns checkedIn,
            DailyFeed.Absences absent,
            int flaggedCheckIns,
            int reportsFiled) {

        static Totals of(List<DailyFeed.Opd> opds) {
            int employees = 0,
                    total = 0,
                    wfo = 0,
                    wfa = 0,
                    dinasLuar = 0,
                    late = 0,
                    izin = 0,
                    sakit = 0,
                    cuti = 0,
                    away = 0,
                    flagged = 0,
                    reports = 0;
            for (DailyFeed.Opd opd : opds) {
                employees += opd.employees();
                total += opd.checkedIn().total();
                wfo += opd.checkedIn().wfo();
                wfa += opd.checkedIn().wfa();
                dinasLuar += opd.checkedIn().dinasLuar();
                late += opd.checkedIn().late();
                izin += opd.absent().izin();
                sakit += opd.absent().sakit();
                cuti += opd.absent().cuti();
                away += opd.absent().dinasLuar();
                flagged += opd.flaggedCheckIns();
                reports += opd.reportsFiled();
            }
            return new Totals(
                    opds.size(),
                    employees,
                    KabupatenFigures.Opd.sumOf(
                            opds.stream().map(DailyFeed.Opd::expected).toList()),
                    new DailyFeed.CheckIns(total, wfo, wfa, dinasLuar, late),
                    new DailyFeed.Absences(izin, sakit, cuti, away),
                    flagged,
                    reports);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshots;

    FeedDays(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTransactionManager manager = new JdbcTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(manager);
        this.snapshots = new TransactionTemplate(manager);
        this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshots.setReadOnly(true);
    }

    /**
     * Keeps the day's figures in place of those before, unless those were counted later.
     *
     * @return whether these are now the day's figures
     */
    boolean store(DailyFeed feed, String signer, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            // The day's row is the lock: two deliveries of one day take turns, and the later count wins.
            int current = jdbc.sql("""
                    insert into platform.feed_day (tenant_code, day, feed_version, generated_at, received_at, signer)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (tenant_code, day) do update set feed_version = excluded.feed_version,
                        generated_at = excluded.generated_at, received_at = excluded.received_at, signer = excluded.signer
                    where feed_day.generated_at <= excluded.generated_at""")
                    .param(feed.tenant())
                    .param(feed.day())
                    .param(feed.feed())
                    .param(Timestamp.from(feed.generatedAt()))
                    .param(Timestamp.from(now))
                    .param(signer)
                    .update();
            if (current == 0) {
                return false;
            }
            jdbc.sql("delete from platform.feed_day_opd where tenant_code = ? and day = ?")
                    .param(feed.tenant())
                    .param(feed.day())
                    .update();
            for (DailyFeed.Opd opd : feed.opds()) {
                jdbc.sql("""
                        insert into platform.feed_day_opd (tenant_code, day, opd_code, opd_name, employees, expected, checked_in, wfo,
                            wfa, dinas_luar, late, absent_izin, absent_sakit, absent_cuti, absent_dinas_luar, flagged_check_ins,
                            reports_filed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(Arrays.asList(
                                feed.tenant(),
                                feed.day(),
                                opd.code(),
                                opd.name(),
                                opd.employees(),
                                opd.expected(),
                                opd.checkedIn().total(),
                                opd.checkedIn().wfo(),
                                opd.checkedIn().wfa(),
                                opd.checkedIn().dinasLuar(),
                                opd.checkedIn().late(),
                                opd.absent().izin(),
                                opd.absent().sakit(),
                                opd.absent().cuti(),
                                opd.absent().dinasLuar(),
                                opd.flaggedCheckIns(),
                                opd.reportsFiled()))
                        .update();
            }
            return true;
        }));
    }

    /** The days received for the tenant from {@code from} to {@code to}, oldest first. */
    public List<ReceivedDay> between(TenantCode tenant, LocalDate from, LocalDate to) {
        return read("d.day between ? and ?", tenant, from, to);
    }

    /** The last day received for the tenant, if any: what the platform console shows beside the shared tenants. */
    public Optional<ReceivedDay> latest(TenantCode tenant) {
        return read("d.day = (select max(day) from platform.feed_day where tenant_code = ?)", tenant, tenant.value())
                .stream()
                .findFirst();
    }

    /** The days that meet the condition, each with its OPD; one snapshot, so a day being replaced is read whole. */
    private List<ReceivedDay> read(String condition, TenantCode tenant, Object... values) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        parameters.addAll(List.of(values));
        return snapshots.execute(status -> {
            Map<LocalDate, List<DailyFeed.Opd>> opds = new HashMap<>();
            jdbc.sql("""
                    select o.day, o.opd_code, o.opd_name, o.employees, o.expected, o.checked_in, o.wfo, o.wfa, o.dinas_luar, o.late,
                        o.absent_izin, o.absent_sakit, o.absent_cuti, o.absent_dinas_luar, o.flagged_check_ins, o.reports_filed
                    from platform.feed_day d join platform.feed_day_opd o on o.tenant_code = d.tenant_code and o.day = d.day
                    where d.tenant_code = ? and\s""" + condition + " order by o.day, o.opd_code")
                    .params(parameters)
                    .query((ResultSet rs) -> {
                        opds.computeIfAbsent(rs.getObject("day", LocalDate.class), day -> new ArrayList<>())
                                .add(opd(rs));
                    });
            return jdbc.sql(
                            "select d.day, d.generated_at, d.received_at, d.signer from platform.feed_day d where d.tenant_code = ?"
                                    + " and " + condition + " order by d.day")
                    .params(parameters)
                    .query((rs, row) -> {
                        LocalDate day = rs.getObject("day", LocalDate.class);
                        List<DailyFeed.Opd> ofDay = List.copyOf(opds.getOrDefault(day, List.of()));
                        return new ReceivedDay(
                                day,
                                rs.getTimestamp("generated_at").toInstant(),
                                rs.getTimestamp("received_at").toInstant(),
                                rs.getString("signer"),
                                Totals.of(ofDay),
                                ofDay);
                    })
                    .list();
        });
    }

    private static DailyFeed.Opd opd(ResultSet rs) throws SQLException {
        return new DailyFeed.Opd(
                rs.getString("opd_code"),
                rs.getString("opd_name"),
                rs.getInt("employees"),
                rs.getObject("expected", Integer.class),
                new DailyFeed.CheckIns(
                        rs.getInt("checked_in"),
                        rs.getInt("wfo"),
                        rs.getInt("wfa"),
                        rs.getInt("dinas_luar"),
                        rs.getInt("late")),
                new DailyFeed.Absences(
                        rs.getInt("absent_izin"),
                        rs.getInt("absent_sakit"),
                        rs.getInt("absent_cuti"),
                        rs.getInt("absent_dinas_luar")),
                rs.getInt("flagged_check_ins"),
                rs.getInt("reports_filed"));
    }
}
