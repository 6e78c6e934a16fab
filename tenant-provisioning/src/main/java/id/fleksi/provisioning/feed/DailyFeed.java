package id.fleksi.provisioning.feed;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import id.fleksi.platform.calendar.DateWindow;
import id.fleksi.platform.tenancy.TenantCode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's day as a self-hosted replica reports it to the province: counts per OPD (a top-level unit, its sub-units
 * rolled up), the OPD's code and name, and nothing about any person: no name, no NIP, no username, no location. The
 * replica signs the exact bytes it sends (Ed25519, {@link #SIGNATURE_HEADER}); the province keeps one set of figures per
 * tenant and day, the one made last ({@code generatedAt}).
 *
 * <p>Version {@value #VERSION}. A reader ignores fields it does not know, so a field may be added without a new version;
 * a field that changes meaning or goes away makes version 2.
 *
 * @param feed        the version of this document, {@value #VERSION}
 * @param tenant      the tenant's code, as both instances know it
 * @param day         the day counted, in the tenant's time zone; today's figures are the day so far
 * @param generatedAt when the replica counted: of two documents for one day the province keeps the later
 */
@Schema(
        name = "DailyFeed",
        description = "A self-hosted tenant's day in counts per OPD (feed version 1); no person-level" + " data",
        requiredProperties = {"feed", "tenant", "day", "generatedAt", "opds"})
public record DailyFeed(int feed, String tenant, LocalDate day, Instant generatedAt, List<Opd> opds) {

    public static final int VERSION = 1;
    /** Where the province receives it, below its base address. */
    public static final String PATH = "/api/v1/feeds/daily";
    /** Base64 of the Ed25519 signature over the exact body bytes. */
    public static final String SIGNATURE_HEADER = "X-Fleksi-Signature";
    /** The signing key's fingerprint ({@code SHA256:...}): said back in a refusal, never trusted. */
    public static final String SIGNER_HEADER = "X-Fleksi-Signer";

    static final int MAX_OPDS = 1_000;
    static final int MAX_COUNT = 1_000_000;

    /**
     * One OPD's day.
     *
     * @param employees       employees of the OPD serving on the day (every status but retired, started by then), as the
     *                        organisation stood when counted
     * @param expected        of them, those for whom the day is a working day of their unit's calendar (national and
     *                        local holidays, the unit's schedule): the base of the attendance share. Absent (null) in a
     *                        document from a release before it was added
     * @param checkedIn       people with a check-in that day
     * @param absent          people with an approved absence covering the day, by kind
     * @param flaggedCheckIns check-ins and standing check-outs flagged for review (mock location, shared device, ...)
     * @param reportsFiled    people with a daily report of at least one activity for the day
     */
    @Schema(
            name = "FeedOpd",
            requiredProperties = {"code", "name", "employees", "checkedIn", "absent", "flaggedCheckIns", "reportsFiled"
            })
    public record Opd(
            String code,
            String name,
            int employees,
            @JsonSetter(nulls = Nulls.SET) @Nullable Integer expected,
            CheckIns checkedIn,
            Absences absent,
            int flaggedCheckIns,
            int reportsFiled) {}

    /** People who checked in, by the work mode their check-in was judged in, and of them those who came late. */
    @Schema(
            name = "FeedCheckIns",
            requiredProperties = {"total", "wfo", "wfa", "dinasLuar", "late"})
    public record CheckIns(int total, int wfo, int wfa, int dinasLuar, int late) {}

    /** People away with an approved absence, by kind: izin, sakit, cuti, dinas luar. */
    @Schema(
            name = "FeedAbsences",
            requiredProperties = {"izin", "sakit", "cuti", "dinasLuar"})
    public record Absences(int izin, int sakit, int cuti, int dinasLuar) {}

    /** Whether the two say the same of the same day, whenever each was counted. */
    boolean sameFiguresAs(DailyFeed other) {
        return other != null
                && feed == other.feed
                && tenant.equals(other.tenant)
                && day.equals(other.day)
                && opds.equals(other.opds);
    }

    /**
     * What is wrong with a document received, in words its sender's operator acts on; empty when nothing is. Strings are
     * already bounded and free of control characters by the API's JSON rules.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (feed != VERSION) {
            problems.add("feed: this Fleksi reads version " + VERSION + ", not " + feed);
            return problems;
        }
        if (TenantCode.problemWith(tenant) != null) {
            problems.add("tenant: " + TenantCode.problemWith(tenant));
        }
        if (day == null || !DateWindow.contains(day)) {
            problems.add("day: " + DateWindow.rule());
        }
        if (generatedAt == null) {
            problems.add("generatedAt: is required");
        }
        if (opds == null || opds.size() > MAX_OPDS) {
            problems.add("opds: a list of at most " + MAX_OPDS + " OPD");
            return problems;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < opds.size(); i++) {
            Opd opd = opds.get(i);
            String at = "opds[" + i + "]";
            if (opd == null || opd.checkedIn() == null || opd.absent() == null) {
                problems.add(at + ": an OPD with its checkedIn and absent figures");
                continue;
            }
            if (opd.code() == null || opd.code().isBlank() || opd.code().length() > 50) {
                problems.add(at + ".code: 1 to 50 characters");
            } else if (!codes.add(opd.code())) {
                problems.add(at + ".code: '" + opd.code() + "' is given twice");
            }
            if (opd.name() == null || opd.name().isBlank() || opd.name().length() > 200) {
                problems.add(at + ".name: 1 to 200 characters");
            }
            CheckIns in = opd.checkedIn();
            Absences away = opd.absent();
            int[] counts = {
                opd.employees(),
                in.total(),
                in.wfo(),
                in.wfa(),
                in.dinasLuar(),
                in.late(),
                away.izin(),
                away.sakit(),
                away.cuti(),
                away.dinasLuar(),
                opd.flaggedCheckIns(),
                opd.reportsFiled()
            };
            for (int count : counts) {
                if (count < 0 || count > MAX_COUNT) {
                    problems.add(at + ": every count lies between 0 and " + MAX_COUNT);
                    break;
                }
            }
            Integer expected = opd.expected();
            if (expected != null && (expected < 0 || expected > opd.employees())) {
                problems.add(at + ".expected: between 0 and the OPD's employees (" + opd.employees() + ")");
            }
            if (in.wfo() + in.wfa() + in.dinasLuar() > in.total() || in.late() > in.total()) {
                problems.add(at + ".checkedIn: the work modes and the late are among those who checked in (total)");
            }
        }
        return problems;
    }
}
