package id.fleksi.modules.attendance;

import id.fleksi.modules.fwa.ApprovedAbsences;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.organisation.Deciders;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.UploadedDocument;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Absences (izin, sakit, cuti, dinas luar) an employee files and their direct supervisor approves or
 * returns. An approved absence excuses its days; an approved dinas luar lets its holder check in wherever the
 * duty takes them.
 */
@Service
public class Absences implements ApprovedAbsences {

    public enum Kind {
        IZIN,
        SAKIT,
        CUTI,
        DINAS_LUAR
    }

    public enum Status {
        PENDING,
        APPROVED,
        RETURNED
    }

    /** What the employee files; dinas luar needs the assignment letter's number and the destination. */
    public record NewAbsence(
            @NotNull(message = "is required: IZIN, SAKIT, CUTI or DINAS_LUAR")
            Kind kind,

            @NotNull(message = "is required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @NotNull(message = "is required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,

            @NotBlank(message = "is required") @Size(max = 500, message = "has at most 500 characters")
            String reason,

            @Size(max = 100, message = "has at most 100 characters")
            String letterNumber,

            @Size(max = 200, message = "has at most 200 characters")
            String destination,

            @Size(max = 500, message = "has at most 500 characters")
            String documentUrl) {}

    public record Absence(
            UUID id,
            UUID employeeId,
            String employee,
            Kind kind,
            LocalDate from,
            LocalDate to,
            String reason,
            String letterNumber,
            String destination,
            Status status,
            String decidedBy,
            String comment,
            String document) {}

    private final JdbcClient jdbc;
    private final Employees employees;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Deciders deciders;
    private final OpenPeriods periods;
    private final ApplicationEventPublisher events;

    public Absences(
            JdbcClient jdbc,
            Employees employees,
            Deciders deciders,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transactions,
            OpenPeriods periods,
            ApplicationEventPublisher events) {
        this.periods = periods;
        this.events = events;
        this.employees = employees;
        this.deciders = deciders;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** How many of an employee's absences {@link #mine} lists, newest first. */
    static final int RECENT = 30;

    /** The absence filed, and whether this call filed it (false: the same one was already waiting). */
    public record Filed(Absence absence, boolean created) {}

    public Absence file(String username, NewAbsence request) {
        return submit(username, request).absence();
    }

    /** Files the absence; the same absence sent again while the first waits is the first one, not created again. */
    public Filed submit(String username, NewAbsence request) {
        UUID employee = employees.requireActive(username).id();
        DateRange.require(request.from(), request.to(), 93);
        periods.requireOpen(
                TenantContext.require(), employee, request.from(), request.to(), OpenPeriods.Change.ABSENCE);
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        if (request.to().isAfter(latest)) {
            throw Problem.badRequest(
                            "absence-too-far",
                            "Too far ahead",
                            "to: an absence is asked for at most a year ahead (until " + latest
                                    + "). Nothing was filed.")
                    .values(latest.toString());
        }
        if (request.kind() == Kind.DINAS_LUAR && (blank(request.letterNumber()) || blank(request.destination()))) {
            throw Problem.badRequest(
                            "invalid-absence",
                            "Dinas luar needs its letter",
                            "letterNumber, destination: a dinas luar"
                                    + " names its assignment letter (surat tugas) and where the duty is")
                    .with(
                            "errors",
                            List.of(
                                    Map.of("field", "letterNumber", "message", "is required for DINAS_LUAR"),
                                    Map.of("field", "destination", "message", "is required for DINAS_LUAR")));
        }
        // The same absence sent again while the first waits (a second tap on a slow connection, a retry) is the first
        // one.
        Optional<UUID> created = jdbc.sql(
                        TenantSql.of(
                                "insert into {attendance_absence} (id, employee_id, kind, from_date, to_date,"
                                        + " reason, letter_number, destination, document_url, status, created_at) values (?, ?, ?, ?, ?, ?,"
                                        + " ?, ?, ?, 'PENDING', ?)"
                                        + " on conflict (employee_id, kind, from_date, to_date) where status = 'PENDING' do nothing returning id"))
                .params(
                        UUID.randomUUID(),
                        employee,
                        request.kind().name(),
                        request.from(),
                        request.to(),
                        request.reason(),
                        request.letterNumber(),
                        request.destination(),
                        request.documentUrl(),
                        java.sql.Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional();
        UUID id = created.orElseGet(
                () -> jdbc.sql(TenantSql.of("select id from {attendance_absence} where employee_id = ? and kind = ?"
                                + " and from_date = ? and to_date = ? and status = 'PENDING'"))
                        .params(employee, request.kind().name(), request.from(), request.to())
                        .query(UUID.class)
                        .single());
        return new Filed(find(id).orElseThrow(), created.isPresent());
    }

    /**
     * Files the absence with its document in one go, as the page's form sends them: a document that is refused
     * (too large, not a type allowed) leaves nothing filed.
     */
    public Absence fileWithDocument(String username, NewAbsence request, String fileName, byte[] content) {
        UploadedDocument.of(fileName, content);
        return transactions.execute(
                tx -> attachDocument(username, file(username, request).id(), fileName, content));
    }

    /** The employee's latest absences, whatever their status, the latest first. */
    public List<Absence> mine(String username) {
        UUID me = employees.requireActive(username).id();
        return jdbc.sql(TenantSql.of(SELECT
                        + " where a.employee_id = ? order by a.from_date desc, a.created_at desc limit " + RECENT))
                .param(me)
                .query(Absences::map)
                .list();
    }

    /** The absences waiting for this supervisor's decision: those of their direct reports, the earliest first. */
    public List<Absence> awaiting(String supervisorUsername) {
        return jdbc.sql(TenantSql.of(SELECT + " join {employee} s on s.id = e.supervisor_id"
                        + " where s.username = ? and a.status = 'PENDING' order by a.from_date, a.created_at"))
                .param(supervisorUsername)
                .query(Absences::map)
                .list();
    }

    /**
     * Approves or returns an absence; only the employee's direct supervisor may (an active employee, never the employee
     * themself: {@link Deciders}), and only while it is pending.
     */
    public Absence decide(String supervisorUsername, UUID id, boolean approve, String comment) {
        return transactions.execute(tx -> {
            Absence absence = find(id).orElseThrow(() -> Problem.notFound(
                            "unknown-absence", "Unknown absence", "There is no absence " + id + " in this tenant.")
                    .variant("tenant", id.toString()));
            deciders.lockSupervisorOf(
                    supervisorUsername,
                    absence.employeeId(),
                    () -> Problem.forbidden(
                                    "not-the-supervisor",
                                    "Not the supervisor",
                                    "Only " + absence.employee() + "'s direct supervisor can decide this absence.")
                            .variant("absence", absence.employee()));
            if (absence.status() != Status.PENDING) {
                throw alreadyDecided(absence);
            }
            periods.requireOpen(
                    TenantContext.require(),
                    absence.employeeId(),
                    absence.from(),
                    absence.to(),
                    OpenPeriods.Change.ABSENCE);
            if (!approve && blank(comment)) {
                throw Problem.badRequest(
                                "comment-required",
                                "Say why",
                                "comment: returning an absence needs a reason the employee can act on")
                        .variant("absence");
            }
            Status status = approve ? Status.APPROVED : Status.RETURNED;
            // Only while still pending: of two decisions sent at once (a double tap), the second finds it decided.
            int decided = jdbc.sql(TenantSql.of(
                            "update {attendance_absence} set status = ?, decided_by = ?, decided_at = ?, comment = ?"
                                    + " where id = ? and status = 'PENDING'"))
                    .params(status.name(), supervisorUsername, java.sql.Timestamp.from(Instant.now(clock)), comment, id)
                    .update();
            if (decided == 0) {
                throw alreadyDecided(find(id).orElseThrow());
            }
            audit.record(
                    TenantContext.require(),
                    supervisorUsername,
                    "absence." + status.name().toLowerCase(),
                    id.toString(),
                    Map.of("status", "PENDING"),
                    Map.of("status", status.name()));
            events.publishEvent(new DayChanged(TenantContext.require())); // heard once committed (an approval excuses)
            return find(id).orElseThrow();
        });
    }

    private static Problem alreadyDecided(Absence absence) {
        return Problem.conflict(
                        "already-decided",
                        "Already decided",
                        "This absence was already " + absence.status().name().toLowerCase() + " by "
                                + absence.decidedBy() + ".")
                .variant("absence." + absence.status().name(), absence.decidedBy());
    }

    /** Attaches (or replaces) the absence's document; only its author, and only while it waits for a decision. */
    public Absence attachDocument(String username, UUID id, String fileName, byte[] content) {
        UploadedDocument document = UploadedDocument.of(fileName, content);
        UUID author = employees.requireActive(username).id();
        Absence absence = find(id).filter(a -> a.employeeId().equals(author))
                .orElseThrow(
                        () -> Problem.notFound("unknown-absence", "Unknown absence", "You have no absence " + id + ".")
                                .variant("mine", id.toString()));
        if (absence.status() != Status.PENDING) {
            throw Problem.conflict(
                            "already-decided",
                            "Already decided",
                            "This absence was already "
                                    + absence.status().name().toLowerCase()
                                    + "; its document can no longer change. Nothing was saved.")
                    .variant("document." + absence.status().name());
        }
        periods.requireOpen(TenantContext.require(), author, absence.from(), absence.to(), OpenPeriods.Change.ABSENCE);
        jdbc.sql(
                        TenantSql.of(
                                "insert into {attendance_absence_document} (absence_id, file_name, content_type, size_bytes, content)"
                                        + " values (?, ?, ?, ?, ?) on conflict (absence_id) do update set file_name = excluded.file_name,"
                                        + " content_type = excluded.content_type, size_bytes = excluded.size_bytes, content = excluded.content"))
                .params(id, document.fileName(), document.contentType(), content.length, content)
                .update();
        audit.record(
                TenantContext.require(),
                username,
                "absence.document",
                id.toString(),
                null,
                Map.of("file", document.fileName(), "bytes", content.length));
        return find(id).orElseThrow();
    }

    /** The absence's document, for its author, their direct supervisor, or BKD. */
    public UploadedDocument document(String username, boolean bkd, UUID id) {
        Object[] row = jdbc.sql(
                        TenantSql.of(
                                "select d.file_name, d.content_type, d.content, e.username, s.username from"
                                        + " {attendance_absence_document} d join {attendance_absence} a on a.id = d.absence_id join"
                                        + " {employee} e on e.id = a.employee_id left join {employee} s on s.id = e.supervisor_id where d.absence_id = ?"))
                .param(id)
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getString(5)
                        })
                .optional()
                .orElseThrow(() -> Problem.notFound("no-document", "No document", "Absence " + id + " has no document.")
                        .values(id.toString()));
        if (!bkd && !username.equals(row[3]) && !username.equals(row[4])) {
            throw Problem.forbidden(
                            "not-yours",
                            "Not allowed",
                            "Only the employee, their direct supervisor and BKD see this document.")
                    .variant("absence");
        }
        return new UploadedDocument((String) row[0], (String) row[1], (byte[]) row[2]);
    }

    @Override
    public List<ApprovedAbsences.Absence> between(LocalDate from, LocalDate to, java.util.Collection<UUID> employees) {
        var query = jdbc.sql(TenantSql.of("select " + APPROVED_COLUMNS + " from {attendance_absence} a"
                        + " where a.status = 'APPROVED' and a.from_date <= ? and a.to_date >="
                        + " ?" + (employees == null ? "" : " and a.employee_id = any(?)")))
                .param(to)
                .param(from);
        return (employees == null ? query : query.param(employees.toArray(UUID[]::new)))
                .query((rs, n) -> approved(rs))
                .list();
    }

    /** An approved absence's columns, of the absence aliased {@code a}, named {@code absence_*}; read by {@link #approved}. */
    static final String APPROVED_COLUMNS =
            "a.employee_id as absence_employee_id, a.from_date as absence_from, a.to_date as absence_to,"
                    + " a.kind as absence_kind, a.destination as absence_destination";

    /** The absence in {@link #APPROVED_COLUMNS}, by their names; null when they are null (no row joined). */
    static ApprovedAbsences.Absence approved(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID employee = rs.getObject("absence_employee_id", UUID.class);
        String kind = rs.getString("absence_kind");
        return employee == null
                ? null
                : new ApprovedAbsences.Absence(
                        employee,
                        rs.getObject("absence_from", LocalDate.class),
                        rs.getObject("absence_to", LocalDate.class),
                        Kind.DINAS_LUAR.name().equals(kind),
                        kind,
                        rs.getString("absence_destination"));
    }

    public Optional<Absence> find(UUID id) {
        return jdbc.sql(TenantSql.of(SELECT + " where a.id = ?"))
                .param(id)
                .query(Absences::map)
                .optional();
    }

    private static final String SELECT = "select a.id, a.employee_id, e.name, a.kind, a.from_date, a.to_date, a.reason,"
            + " a.letter_number, a.destination, a.status, a.decided_by, a.comment, d.file_name from {attendance_absence} a"
            + " join {employee} e on e.id = a.employee_id left join {attendance_absence_document} d on d.absence_id = a.id";

    private static Absence map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Absence(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                Kind.valueOf(rs.getString(4)),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                Status.valueOf(rs.getString(10)),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
