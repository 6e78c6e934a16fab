package id.fleksi.app.cli;

import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.BundleTransfers;
import id.fleksi.provisioning.bundle.ImportFailedException;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantExport;
import id.fleksi.provisioning.bundle.TenantHandover;
import id.fleksi.provisioning.bundle.TenantImport;
import id.fleksi.provisioning.feed.ReplicaKeys;
import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleksi tenant export|import|key|handover|handover-cancel|handover-confirm}: a tenant moved between Fleksi
 * instances as one signed file (see docs/self-hosting.md). Passphrases come from {@code FLEKSI_BUNDLE_PASSPHRASE}, a
 * file ({@code --passphrase-file}), or the terminal, never from the command line.
 */
public final class BundleCommands {

    private BundleCommands() {}

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write a tenant's bundle: schema, realm with password hashes, registry, signed.")
    static class Export implements Callable<Integer> {
        @Parameters(paramLabel = "CODE")
        String code;

        @Option(names = "--out", required = true, description = "the bundle file to write")
        Path out;

        @Option(names = "--encrypt", description = "encrypt with a passphrase (OpenPGP; gpg opens it too)")
        boolean encrypt;

        @Option(names = "--passphrase-file", description = "read the passphrase from this file")
        Path passphraseFile;

        @Override
        public Integer call() {
            char[] passphrase = encrypt ? passphrase(passphraseFile, true) : null;
            return TenantCommand.guarded(context -> {
                TenantExport.Exported exported = writeAtomically(
                        out,
                        target -> context.getBean(TenantExport.class)
                                .export(TenantRegistry.codeInPath(code), target, passphrase, System.out::println));
                System.out.printf(
                        "wrote %s (%d bytes, SHA-256 %s)%nsigned by %s%n",
                        out, exported.bytes(), exported.bundleSha256(), exported.signerFingerprint());
                return 0;
            });
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a tenant's bundle: checked whole first, then all or nothing.")
    static class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(
                names = "--signed-by",
                description = "the exporting instance's public key (PEM), as its operator sent it")
        Path signedBy;

        @Option(names = "--passphrase-file", description = "read the passphrase of an encrypted bundle from this file")
        Path passphraseFile;

        @Override
        public Integer call() {
            PublicKey trusted = signedBy == null ? null : readKey(signedBy);
            char[] passphrase = encrypted(file) ? passphrase(passphraseFile, false) : null;
            return TenantCommand.guarded(context -> {
                try {
                    TenantImport.Imported imported = context.getBean(TenantImport.class)
                            .importBundle(file, trusted, passphrase, System.out::println);
                    TenantCommand.print(imported.tenant());
                    return 0;
                } catch (ImportFailedException e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
            });
        }
    }

    @Command(
            name = "key",
            mixinStandardHelpOptions = true,
            description = "Print this instance's bundle-signing public key and its fingerprint.")
    static class Key implements Callable<Integer> {
        @Option(
                names = "--out",
                description = "also write the key (PEM) to this file, to send to the importing operator")
        Path out;

        @Override
        public Integer call() {
            return TenantCommand.guarded(context -> {
                PublicKey key = context.getBean(InstanceKeys.class).publicKey();
                String pem = BundleSignatures.toPem(key);
                System.out.print(pem);
                System.out.println("fingerprint " + BundleSignatures.fingerprint(key));
                if (out != null) {
                    write(out, pem);
                }
                return 0;
            });
        }
    }

    @Command(
            name = "handover",
            mixinStandardHelpOptions = true,
            description = "Hand a tenant over to its own server: read-only, export, HANDED_OVER.")
    static class Handover implements Callable<Integer> {
        @Parameters(paramLabel = "CODE")
        String code;

        @Option(
                names = "--to",
                required = true,
                description = "the kabupaten's Fleksi, e.g. https://fleksi.example.go.id")
        String replicaUrl;

        @Option(names = "--out", required = true, description = "the bundle file to write")
        Path out;

        @Option(names = "--encrypt", description = "encrypt with a passphrase")
        boolean encrypt;

        @Option(names = "--passphrase-file", description = "read the passphrase from this file")
        Path passphraseFile;

        @Override
        public Integer call() {
            char[] passphrase = encrypt ? passphrase(passphraseFile, true) : null;
            return TenantCommand.guarded(context -> {
                TenantExport.Exported exported = writeAtomically(
                        out,
                        target -> context.getBean(TenantHandover.class)
                                .handOver(
                                        TenantRegistry.codeInPath(code),
                                        replicaUrl,
                                        target,
                                        passphrase,
                                        System.out::println));
                System.out.printf(
                        "wrote %s (SHA-256 %s), signed by %s%n",
                        out, exported.bundleSha256(), exported.signerFingerprint());
                return 0;
            });
        }
    }

    @Command(
            name = "handover-cancel",
            mixinStandardHelpOptions = true,
            description = "Bring a handed-over tenant back into service (before confirmation).")
    static class Cancel implements Callable<Integer> {
        @Parameters(paramLabel = "CODE")
        String code;

        @Override
        public Integer call() {
            return TenantCommand.guarded(context ->
                    TenantCommand.print(context.getBean(TenantHandover.class).cancel(TenantRegistry.codeInPath(code))));
        }
    }

    @Command(
            name = "handover-confirm",
            mixinStandardHelpOptions = true,
            description = "Record that the kabupaten runs the tenant on its own server now;"
                    + " with --replica-key, take its replica's daily feed (docs/feed.md).")
    static class Confirm implements Callable<Integer> {
        @Parameters(paramLabel = "CODE")
        String code;

        @Option(
                names = "--replica-key",
                paramLabel = "KEYFILE",
                description = "the replica's public key (PEM), as"
                        + " 'fleksi tenant key' prints it on the kabupaten's server: the daily feed signed by it is accepted. Given"
                        + " again after the confirmation, it replaces the key registered before")
        Path replicaKey;

        @Override
        public Integer call() {
            PublicKey key = replicaKey == null ? null : readKey(replicaKey);
            return TenantCommand.guarded(context -> {
                TenantCode tenant = TenantRegistry.codeInPath(code);
                TenantHandover handovers = context.getBean(TenantHandover.class);
                boolean pending = handovers
                        .handover(tenant)
                        .filter(handover -> handover.state() == BundleTransfers.State.RUNNING)
                        .isPresent();
                int exit = pending || key == null ? TenantCommand.print(handovers.confirm(tenant)) : 0;
                if (key != null) {
                    String fingerprint = context.getBean(ReplicaKeys.class).register(tenant, key);
                    System.out.println("replica key " + fingerprint + " registered for " + tenant
                            + ": its daily feed is accepted, signed by that key only");
                }
                return exit;
            });
        }
    }

    public interface Writer<T> {
        T write(OutputStream target);
    }

    /** Writes beside the target, then moves into place: a failed export leaves no half file. */
    public static <T> T writeAtomically(Path out, Writer<T> writer) {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            T result = writer.write(Files.newOutputStream(partial));
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    static boolean encrypted(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length > 0 && id.fleksi.provisioning.bundle.BundleEncryption.isEncrypted(head);
        } catch (IOException e) {
            return false; // the import says what is wrong with the file
        }
    }

    static char[] passphrase(Path file, boolean twice) {
        try {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the passphrase file " + file + ": " + e.getMessage());
        }
        String fromEnvironment = System.getenv("FLEKSI_BUNDLE_PASSPHRASE");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("Give the passphrase in FLEKSI_BUNDLE_PASSPHRASE or --passphrase-file");
        }
        char[] first = console.readPassword("Passphrase: ");
        if (twice && !Arrays.equals(first, console.readPassword("Passphrase again: "))) {
            throw new IllegalArgumentException("The two passphrases differ; nothing was written.");
        }
        return first;
    }

    public static PublicKey readKey(Path file) {
        try {
            return BundleSignatures.readPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path out, String text) {
        try {
            Files.writeString(out, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
