package id.fleksi.provisioning.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What an {@link OpenedBundle} holds, byte for byte: every part the signed manifest names, with its hash and nothing
 * else beside it, and (format 2) the entries' bytes as the zip comment hashes them. A difference is a refusal that says
 * what differs; the checks run in parallel, the largest parts first.
 */
final class BundleContents {

    private BundleContents() {}

    /**
     * Every part the manifest names is there with its hash, and nothing else is. Inflating and hashing is all CPU: the
     * parts, largest first, the hash of the entries (format 2) and the whole file's hash (which the transfer record keeps)
     * are worked on by as many threads as there are processors.
     *
     * @return the file's SHA-256
     */
    static String check(ZipFile zip, BundleManifest manifest, Callable<String> fileSha256, Callable<Void> entriesSha256)
            throws IOException {
        Map<String, String> expected = new LinkedHashMap<>(manifest.parts());
        manifest.tables().forEach(t -> expected.put(t.part(), t.sha256()));
        Set<String> present = new TreeSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            present.add(entries.nextElement().getName());
        }
        present.removeAll(Set.of(TenantExport.MANIFEST, TenantExport.SIGNATURE, TenantExport.SIGNER));
        if (!present.equals(new TreeSet<>(expected.keySet()))) {
            Set<String> extra = new TreeSet<>(present);
            extra.removeAll(expected.keySet());
            Set<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(present);
            throw OpenedBundle.altered(
                    "parts differ from its manifest (missing " + missing + ", unexpected " + extra + ")");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "bundle-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Void> entriesChecked = pool.submit(entriesSha256);
            Future<String> file = pool.submit(fileSha256);
            List<Future<?>> parts = expected.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, String> part) ->
                                    zip.getEntry(part.getKey()).getCompressedSize())
                            .reversed())
                    .<Future<?>>map(part -> pool.submit(() -> checkPart(zip, part.getKey(), part.getValue())))
                    .toList();
            await(entriesChecked);
            for (Future<?> part : parts) {
                await(part);
            }
            return await(file);
        } finally {
            pool.shutdownNow(); // after a failure, the parts not yet begun are not begun
        }
    }

    /**
     * A format-2 bundle's zip comment holds the SHA-256 of every byte before the central directory: the entries with
     * their headers, so a byte changed anywhere in them (not only in what a part holds) is found. The end record must
     * end the file, with the comment it names.
     */
    static void checkEntries(Path plain, String comment) throws IOException {
        if (comment == null
                || !comment.matches(java.util.regex.Pattern.quote(BundleManifest.ENTRIES_HASH) + "[0-9a-f]{64}")) {
            throw OpenedBundle.altered("its zip comment does not hold the hash of its entries");
        }
        long size = Files.size(plain);
        long end = size - 22 - comment.length(); // the end-of-central-directory record, then the comment, then nothing
        java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (var channel = Files.newByteChannel(plain)) {
            channel.position(Math.max(end, 0)).read(record);
        }
        if (end < 0 || record.getInt(0) != 0x06054b50 || Short.toUnsignedInt(record.getShort(20)) != comment.length()) {
            throw OpenedBundle.altered("its zip end record is not where its comment says");
        }
        long directory = Integer.toUnsignedLong(record.getInt(16));
        if (directory > end) {
            throw OpenedBundle.altered("its central directory starts past its end record");
        }
        MessageDigest digest = HashingOutputStream.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(plain), digest)) {
            if (copy(in, directory) != directory) {
                throw OpenedBundle.altered("it ends before its central directory");
            }
        }
        if (!HexFormat.of()
                .formatHex(digest.digest())
                .equals(comment.substring(BundleManifest.ENTRIES_HASH.length()))) {
            throw OpenedBundle.altered("its entries do not match the hash it carries");
        }
    }

    /** Reads {@code count} bytes of {@code in} (through its digest); how many there were. */
    private static long copy(InputStream in, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        while (done < count) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, count - done));
            if (read < 0) {
                break;
            }
            done += read;
        }
        return done;
    }

    private static Void checkPart(ZipFile zip, String name, String sha256) throws IOException {
        MessageDigest digest = HashingOutputStream.sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(name)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException e) {
            throw OpenedBundle.altered("part " + name + " is damaged (" + e.getMessage() + ")");
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw OpenedBundle.altered("part " + name + " does not match its hash");
        }
        return null;
    }

    /** A check's result, or its failure as it was thrown (a refusal stays the refusal it was). */
    private static <T> T await(Future<T> check) throws IOException {
        try {
            return check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the bundle", e);
        }
    }
}
