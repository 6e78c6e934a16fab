package id.fleksi.provisioning.bundle;

import id.fleksi.platform.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A bundle file opened for import and checked whole before anything is written: decrypted (into a private temporary
 * file) when it is encrypted, its manifest's signature verified, and every part's SHA-256 compared with the manifest's.
 * Any failure is a refusal that names what is wrong; nothing has been written at that point.
 */
final class OpenedBundle implements AutoCloseable {

    private final ZipFile zip;
    private final Path temporary;
    private final String fileSha256;
    private final BundleManifest manifest;
    private final String signer;

    private OpenedBundle(ZipFile zip, Path temporary, String fileSha256, BundleManifest manifest, String signer) {
        this.zip = zip;
        this.temporary = temporary;
        this.fileSha256 = fileSha256;
        this.manifest = manifest;
        this.signer = signer;
    }

    /**
     * Opens and checks a bundle.
     *
     * @param trusted    the fingerprint of the key the operator was given for the exporting instance (a key whose
     *                   fingerprint matches is that key: SHA-256); null checks the signature only against the key the
     *                   bundle names (integrity, not origin)
     * @param passphrase for an encrypted bundle
     */
    static OpenedBundle open(Path file, String trusted, char[] passphrase) {
        if (!Files.isRegularFile(file)) {
            throw Problem.badRequest("bundle-missing", "No bundle there", "There is no file " + file + ".")
                    .values(file);
        }
        Path temporary = null;
        ZipFile zip = null;
        try {
            MessageDigest digest = HashingOutputStream.sha256();
            Path plain = file;
            byte[] head = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(4);
            }
            if (head.length > 0 && BundleEncryption.isEncrypted(head)) {
                if (passphrase == null || passphrase.length == 0) {
                    throw refused(
                            "bundle-encrypted",
                            "Bundle is encrypted",
                            "This bundle is encrypted: give its passphrase"
                                    + " (FLEKSI_BUNDLE_PASSPHRASE, or --passphrase-file). Nothing was written.");
                }
                temporary = Files.createTempFile(
                        "fleksi-bundle-",
                        ".zip",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (InputStream in = BundleEncryption.decrypting(
                                new DigestInputStream(Files.newInputStream(file), digest), passphrase);
                        OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                } catch (BundleEncryption.WrongPassphraseException e) {
                    throw refused(
                            "bundle-wrong-passphrase",
                            "Wrong passphrase",
                            "The passphrase does not open this bundle." + " Nothing was written.");
                } catch (IllegalArgumentException e) {
                    throw refused(
                            "bundle-not-fleksi",
                            "Not a Fleksi bundle",
                            "This file is encrypted, but not as Fleksi" + " encrypts a bundle (" + e.getMessage()
                                    + "). Nothing was written.");
                } catch (BundleEncryption.TamperedException | IOException e) {
                    throw altered("the encrypted file does not decrypt whole (" + e.getMessage() + ")");
                }
                plain = temporary;
            }
            Callable<String> fileSha256 = temporary != null
                    ? () -> HexFormat.of().formatHex(digest.digest())
                    : () -> {
                        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                        return HexFormat.of().formatHex(digest.digest());
                    };
            try {
                zip = new ZipFile(plain.toFile());
            } catch (ZipException e) {
                throw refused(
                        "bundle-truncated",
                        "Not a whole bundle",
                        "This file is not a whole Fleksi bundle: it is" + " truncated, or not a bundle at all ("
                                + e.getMessage() + "). Copy it again. Nothing was written.");
            }
            byte[] manifestBytes = read(zip, TenantExport.MANIFEST);
            byte[] signature = Base64.getMimeDecoder().decode(read(zip, TenantExport.SIGNATURE));
            PublicKey named;
            try {
                named = BundleSignatures.readPem(new String(read(zip, TenantExport.SIGNER), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw altered("its signer's key cannot be read");
            }
            String signer = BundleSignatures.fingerprint(named);
            if (trusted != null && !trusted.strip().equals(signer)) {
                throw refused(
                                "bundle-signer-mismatch",
                                "Signed by another instance",
                                "This bundle is signed by "
                                        + signer + ", not by the key you gave (" + trusted.strip()
                                        + "). Ask the exporting operator for"
                                        + " their key again. Nothing was written.")
                        .values(signer, trusted.strip());
            }
            if (!BundleSignatures.verifies(named, manifestBytes, signature)) {
                throw altered("its manifest does not match its signature");
            }
            BundleManifest manifest;
            try {
                manifest = Json.read(manifestBytes, BundleManifest.class);
            } catch (IOException e) {
                throw altered("its manifest cannot be read");
            }
            if (manifest.format() > BundleManifest.FORMAT) {
                throw refused(
                                "bundle-too-new",
                                "Bundle from a newer Fleksi",
                                "This bundle was written by Fleksi "
                                        + manifest.fleksiVersion() + " in a newer format (" + manifest.format()
                                        + "); upgrade this Fleksi"
                                        + " first. Nothing was written.")
                        .values(manifest.fleksiVersion());
            }
            Path zipFile = plain;
            String comment = zip.getComment();
            Callable<Void> entriesSha256 = manifest.format() < 2
                    ? () -> null
                    : () -> {
                        BundleContents.checkEntries(zipFile, comment);
                        return null;
                    };
            return new OpenedBundle(
                    zip, temporary, BundleContents.check(zip, manifest, fileSha256, entriesSha256), manifest, signer);
        } catch (IOException e) {
            close(zip, temporary);
            throw new UncheckedIOException("Reading the bundle failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(zip, temporary);
            throw e;
        }
    }

    BundleManifest manifest() {
        return manifest;
    }

    /** The fingerprint of the key that signed the manifest. */
    String signer() {
        return signer;
    }

    /** The SHA-256 of the file as given (encrypted or not). */
    String fileSha256() {
        return fileSha256;
    }

    /** A part's content, to be read once. */
    InputStream part(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("The bundle has no part " + name);
        }
        return zip.getInputStream(entry);
    }

    byte[] bytes(String name) throws IOException {
        return read(zip, name);
    }

    @Override
    public void close() {
        close(zip, temporary);
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw altered("it has no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw altered(name + " is damaged (" + e.getMessage() + ")");
        }
    }

    /** The refusal of a bundle whose bytes are not what its manifest and signature say. */
    static Problem altered(String what) {
        return refused(
                        "bundle-altered",
                        "Bundle altered or damaged",
                        "This bundle has been altered or damaged: " + what
                                + ". Copy it again from the exporting operator. Nothing was written.")
                .values(what);
    }

    private static Problem refused(String type, String title, String detail) {
        return Problem.unprocessable(type, title, detail);
    }

    private static void close(ZipFile zip, Path temporary) {
        try {
            if (zip != null) {
                zip.close();
            }
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // a temporary file the OS removes in time; nothing else to do
        }
    }
}
