package id.fleksi.modules.attendance;

import id.fleksi.modules.attendance.internal.AbsenceDecisions;
import id.fleksi.modules.attendance.internal.AbsenceDocuments;
import id.fleksi.modules.attendance.internal.AbsenceRecords;
import id.fleksi.modules.fwa.ApprovedAbsences;
import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.closing.OpenPeriods;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
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

            @Size(max = 100, message = "has at most 100 characters") @Nullable
            String letterNumber,

            @Size(max = 200, message = "has at most 200 characters") @Nullable
            String destination,

            @Size(max = 500, message = "has at most 500 characters") @Nullable
            String documentUrl) {}

    public record Absence(
            UUID id,
            UUID employeeId,
            String employee,
            Kind kind,
            LocalDate from,
            LocalDate to,
            String reason,
            @Nullable String letterNumber,
            @Nullable String destination,
            Status status,
            @Nullable String decidedBy,
            @Nullable String comment,
            @Nullable String document) {}

    private final JdbcClient jdbc;
    private final Employees employees;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OpenPeriods periods;
    private final AbsenceRecords records;
    private final AbsenceDecisions decisions;
    private final AbsenceDocuments documents;

    public Absences(
            JdbcClient jdbc,
            Employees employees,
            Clock clock,
            TransactionTemplate transactions,
            OpenPeriods periods,
            AbsenceRecords records,
            AbsenceDecisions decisions,
            AbsenceDocuments documents) {
        this.jdbc = jdbc;
        this.employees = employees;
        this.clock = clock;
        this.transactions = transactions;
        this.periods = periods;
        this.records = records;
        this.decisions = decisions;
        this.documents = documents;
    }

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
                // As a list: a letter number, destination or document is often null, which params(Object...) does not
                // take.
                .params(Arrays.asList(
                        UUID.randomUUID(),
                        employee,
                        request.kind().name(),
                        request.from(),
                        request.to(),
                        request.reason(),
                        request.letterNumber(),
                        request.destination(),
                        request.documentUrl(),
                        java.sql.Timestamp.from(clock.instant())))
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
        return records.latestOf(employees.requireActive(username).id());
    }

    /** The absences waiting for this supervisor's decision: those of their direct reports, the earliest first. */
    public List<Absence> awaiting(String supervisorUsername) {
        return records.awaiting(supervisorUsername);
    }

    /**
     * Approves or returns an absence; only the employee's direct supervisor may (an active employee, never the employee
     * themself: {@link Deciders}), and only while it is pending.
     */
    public Absence decide(String supervisorUsername, UUID id, boolean approve, @Nullable String comment) {
        return decisions.decide(supervisorUsername, id, approve, comment);
    }

    /** Attaches (or replaces) the absence's document; only its author, and only while it waits for a decision. */
    public Absence attachDocument(String username, UUID id, String fileName, byte[] content) {
        return documents.attach(username, id, fileName, content);
    }

    /** The absence's document, for its author, their direct supervisor, or BKD. */
    public UploadedDocument document(String username, boolean bkd, UUID id) {
        return documents.read(username, bkd, id);
    }

    @Override
    public List<ApprovedAbsences.Absence> between(
            LocalDate from, LocalDate to, java.util.@Nullable Collection<UUID> employees) {
        return records.approvedBetween(from, to, employees);
    }

    public Optional<Absence> find(UUID id) {
        return records.find(id);
    }

    @Contract("null -> true")
    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
