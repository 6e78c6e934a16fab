package id.fleksi.provisioning.bundle;

import id.fleksi.provisioning.bundle.BundleJobs.Job;
import id.fleksi.provisioning.bundle.BundleJobs.Kind;
import id.fleksi.provisioning.bundle.BundleJobs.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A bundle job while it lives in this replica: its progress lines, its outcome and its bundle file. */
final class RunningJob {

    private static final int MAX_LINES = 1000;

    final UUID id = UUID.randomUUID();
    final Kind kind;
    final @Nullable String tenant;
    final Instant startedAt = Instant.now();
    final List<String> lines = new ArrayList<>();
    volatile State state = State.RUNNING;
    volatile @Nullable Instant finishedAt;
    volatile @Nullable String error;
    volatile @Nullable String sha256;
    volatile @Nullable Long bytes;
    volatile @Nullable String signer;
    volatile @Nullable Path file;

    RunningJob(Kind kind, @Nullable String tenant) {
        this.kind = kind;
        this.tenant = tenant;
    }

    void line(String line) {
        synchronized (lines) {
            if (lines.size() < MAX_LINES) {
                lines.add(line);
            }
        }
    }

    Job view() {
        synchronized (lines) {
            return new Job(
                    id, kind, tenant, state, startedAt, finishedAt, List.copyOf(lines), error, sha256, bytes, signer);
        }
    }
}
