package id.fleksi.platform.organisation;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports that run in the background, for the page: the upload returns at once and the page shows the
 * import's progress as it goes. Progress and outcome are kept in the tenant's {@code import_job} table, so
 * whichever replica the page reaches can show them.
 */
@Service
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnitImport units;
    private final EmployeeImport employees;
    private final JdbcClient jdbc;
    private final ImportMetrics metrics;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fleksi-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(UnitImport units, EmployeeImport employees, JdbcClient jdbc, ImportMetrics metrics) {
        this.metrics = metrics;
        this.units = units;
        this.employees = employees;
        this.jdbc = jdbc;
    }

    public enum Kind {
        UNITS,
        EMPLOYEES
    }

    /** An import as the page shows it; {@code report} once it finished, {@code failure} if it broke. */
    public record ImportJob(
            UUID id,
            Kind kind,
            String fileName,
            Instant startedAt,
            Instant finishedAt,
            String progress,
            EmployeeImport.Report report,
            String failure) {

        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** Starts an import of the current tenant in the background; returns its id at once. */
    public UUID start(Kind kind, Spreadsheet sheet, String fileName, String actor) {
        TenantCode tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.in(
                        tenant,
                        "insert into {import_job} (id, kind, file_name, actor, started_at, progress)"
                                + " values (?, ?, ?, ?, now(), ?)"))
                .param(id)
                .param(kind.name())
                .param(fileName)
                .param(actor)
                .param("reading " + sheet.lines().size() + " rows")
                .update();
        executor.submit(
                LogContext.carried(() -> TenantContext.runAs(tenant, () -> run(tenant, id, kind, sheet, actor))));
        return id;
    }

    public Optional<ImportJob> find(UUID id) {
        return jdbc.sql(TenantSql.of(
                        "select id, kind, file_name, started_at, finished_at, progress, report::text, failure"
                                + " from {import_job} where id = ?"))
                .param(id)
                .query((rs, n) -> new ImportJob(
                        rs.getObject(1, UUID.class),
                        Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, Timestamp.class).toInstant(),
                        instant(rs.getTimestamp(5)),
                        rs.getString(6),
                        rs.getString(7) == null ? null : JSON.readValue(rs.getString(7), EmployeeImport.Report.class),
                        rs.getString(8)))
                .optional();
    }

    private void run(TenantCode tenant, UUID id, Kind kind, Spreadsheet sheet, String actor) {
        try {
            EmployeeImport.Report report = metrics.timed(
                    kind,
                    () -> kind == Kind.UNITS
                            ? units.importUnits(sheet, actor)
                            : employees.importEmployees(sheet, actor, line -> progress(tenant, id, line)));
            jdbc.sql(TenantSql.in(
                            tenant,
                            "update {import_job} set finished_at = now(), report = cast(? as jsonb) where id = ?"))
                    .param(JSON.writeValueAsString(report))
                    .param(id)
                    .update();
        } catch (RuntimeException e) {
            // A row's values (a NIP) may be in the message: only its redacted words at ERROR, the whole trace at DEBUG.
            log.error(
                    "Import {} of tenant {} failed: {}: {}",
                    id,
                    tenant,
                    e.getClass().getName(),
                    LogContext.redacted(e.getMessage()));
            log.debug("Import {} of tenant {} failed", id, tenant, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.sql(TenantSql.in(tenant, "update {import_job} set finished_at = now(), failure = ? where id = ?"))
                    .param(message.length() > 1000 ? message.substring(0, 1000) : message)
                    .param(id)
                    .update();
        }
    }

    private void progress(TenantCode tenant, UUID id, String line) {
        jdbc.sql(TenantSql.in(tenant, "update {import_job} set progress = ? where id = ?"))
                .param(line.length() > 500 ? line.substring(0, 500) : line)
                .param(id)
                .update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
