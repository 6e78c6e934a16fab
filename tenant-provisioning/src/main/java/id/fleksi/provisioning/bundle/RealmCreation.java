package id.fleksi.provisioning.bundle;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * An imported tenant's realm, made by Keycloak on a thread of its own while PostgreSQL loads the rows: the two servers
 * work at once, and the import takes the longer of the two instead of their sum. Closing waits for the creation to end,
 * however it ends, so an import never returns or fails with a realm still being made behind it, nor closes the bundle
 * the creation is reading.
 */
final class RealmCreation implements AutoCloseable {

    private final FutureTask<Integer> task;
    private volatile long millis;

    private RealmCreation(Callable<Integer> create) {
        this.task = new FutureTask<>(() -> {
            long start = System.nanoTime();
            try {
                return create.call();
            } finally {
                millis = (System.nanoTime() - start) / 1_000_000;
            }
        });
    }

    /** Starts {@code create}, which makes the realm and returns how many users it holds. */
    static RealmCreation start(String realm, Callable<Integer> create) {
        RealmCreation creation = new RealmCreation(create);
        Thread thread = new Thread(creation.task, "bundle-import-realm-" + realm);
        thread.setDaemon(true);
        thread.start();
        return creation;
    }

    /** How long the creation took, once it has ended. */
    long millis() {
        return millis;
    }

    /** Waits for the realm: how many users it holds, or the creation's failure as it was thrown. */
    int users() {
        try {
            return await();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            // An ExecutionException always has the failure of the work as its cause.
            Throwable cause = Objects.requireNonNull(e.getCause());
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** Waits for the creation to end; whether it made the realm. */
    boolean made() {
        try {
            await();
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        made();
    }

    /** The creation's result; an interrupt does not cut the wait short (it is kept for the caller to see). */
    private int await() throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
