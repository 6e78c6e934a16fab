package id.fleksi.provisioning.bundle;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Exports, handovers and imports started from the API or the console run as jobs: one at a time per instance, their
 * progress kept line by line for the console to show, their bundle files in a directory only the Fleksi user can read
 * ({@code fleksi.bundles.directory}). A job lives in this replica's memory: ask the replica that started it (the console
 * does); its bundle file stays until the operator removes it.
 */
@Service
public class BundleJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BundleJobs.class);

    public enum Kind {
        EXPORT,
        HANDOVER,
        IMPORT
    }

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /** A job as the API shows it. */
    public record Job(
            UUID id,
            Kind kind,
            @Nullable String tenant,
            State state,
            Instant startedAt,
            @Nullable Instant finishedAt,
            List<String> progress,
            @Nullable String error,
            @Nullable String bundleSha256,
            @Nullable Long bundleBytes,
            @Nullable String signer) {}

    private final Map<UUID, RunningJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fleksi-bundle-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Path directory;
    private final TenantExport export;
    private final TenantHandover handover;
    private final TenantImport importer;

    public BundleJobs(
            @Value("${fleksi.bundles.directory:${java.io.tmpdir}/fleksi-bundles}") Path directory,
            TenantExport export,
            TenantHandover handover,
            TenantImport importer) {
        this.directory = directory;
        this.export = export;
        this.handover = handover;
        this.importer = importer;
    }

    public Job startExport(TenantCode code, char @Nullable [] passphrase) {
        return start(
                Kind.EXPORT, code.value(), job -> written(job, out -> export.export(code, out, passphrase, job::line)));
    }

    public Job startHandover(TenantCode code, String replicaUrl, char @Nullable [] passphrase) {
        return start(
                Kind.HANDOVER,
                code.value(),
                job -> written(job, out -> handover.handOver(code, replicaUrl, out, passphrase, job::line)));
    }

    /**
     * Takes an uploaded bundle (the request's body, written into this service's directory first) and imports it.
     *
     * @param passphrase the one the bundle was encrypted with, or null or empty
     */
    public Job startImport(InputStream body, @Nullable String trustedFingerprint, @Nullable String passphrase) {
        Path uploaded = newFile("upload-");
        try {
            Files.copy(body, uploaded, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(uploaded);
            throw new UncheckedIOException("The upload of the bundle broke off: " + e.getMessage(), e);
        }
        char[] secret = passphrase == null || passphrase.isEmpty() ? null : passphrase.toCharArray();
        return start(Kind.IMPORT, null, job -> {
            job.file = uploaded;
            try {
                TenantImport.Imported imported = importer.importBundle(uploaded, trustedFingerprint, secret, job::line);
                job.sha256 = imported.bundleSha256();
                job.signer = imported.signer();
            } finally {
                deleteQuietly(uploaded);
                job.file = null;
            }
        });
    }

    /**
     * A passphrase for a new bundle, as the API or the console received it: none (null or empty), or at least 12
     * characters, since a bundle holds every employee's personal data.
     */
    public static char @Nullable [] newPassphrase(@Nullable String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            return null;
        }
        if (passphrase.length() < 12) {
            throw Problem.badRequest(
                    "weak-passphrase",
                    "Passphrase too short",
                    "The passphrase needs at least 12 characters:"
                            + " a bundle holds every employee's personal data. Nothing was written.");
        }
        return passphrase.toCharArray();
    }

    public Optional<Job> find(UUID id) {
        return Optional.ofNullable(jobs.get(id)).map(RunningJob::view);
    }

    public List<Job> recent() {
        return jobs.values().stream()
                .map(RunningJob::view)
                .sorted((a, b) -> b.startedAt().compareTo(a.startedAt()))
                .limit(20)
                .toList();
    }

    /** The bundle an export or handover job wrote, if it is done and still there. */
    public Optional<Path> bundle(UUID id) {
        RunningJob job = jobs.get(id);
        return job == null || job.state != State.DONE || job.file == null || !Files.exists(job.file)
                ? Optional.empty()
                : Optional.of(job.file);
    }

    /** Removes a finished job and its bundle file. */
    public boolean remove(UUID id) {
        RunningJob job = jobs.get(id);
        if (job == null) {
            return false;
        }
        if (job.state == State.RUNNING) {
            throw Problem.conflict(
                    "job-running", "Job still running", "This job is still running; remove it when it is done.");
        }
        jobs.remove(id);
        if (job.file != null) {
            deleteQuietly(job.file);
        }
        return true;
    }

    private interface Work {
        void run(RunningJob job) throws Exception;
    }

    private Job start(Kind kind, @Nullable String tenant, Work work) {
        RunningJob job = new RunningJob(kind, tenant);
        jobs.put(job.id, job);
        worker.submit(LogContext.carried(() -> {
            try {
                work.run(job);
                job.state = State.DONE;
            } catch (Problem e) {
                job.error = e.getMessage();
                job.state = State.FAILED;
            } catch (Exception e) {
                log.warn(
                        "Bundle job {} ({} {}) failed: {}: {}",
                        job.id,
                        kind,
                        tenant,
                        e.getClass().getName(),
                        LogContext.redacted(e.getMessage()));
                log.debug("Bundle job {} failed", job.id, e);
                job.error = e.getMessage();
                job.state = State.FAILED;
            } finally {
                job.finishedAt = Instant.now();
            }
        }));
        return job.view();
    }

    private void written(RunningJob job, Function<OutputStream, TenantExport.Exported> writer) throws IOException {
        Path file = newFile(job.tenant + "-");
        try {
            TenantExport.Exported exported;
            try (OutputStream out = Files.newOutputStream(file)) {
                exported = writer.apply(out);
            }
            job.file = file;
            job.sha256 = exported.bundleSha256();
            job.bytes = exported.bytes();
            job.signer = exported.signerFingerprint();
        } catch (RuntimeException | IOException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private Path newFile(String prefix) {
        try {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system, or not ours to change: the operator's choice
            }
            return Files.createTempFile(
                    directory,
                    prefix,
                    ".bundle",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write in the bundles directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}", file, e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
