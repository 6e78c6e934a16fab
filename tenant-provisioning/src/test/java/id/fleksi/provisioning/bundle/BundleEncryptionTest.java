package id.fleksi.provisioning.bundle;

import static id.fleksi.provisioning.bundle.ExternalCommand.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.provisioning.bundle.BundleEncryption.TamperedException;
import id.fleksi.provisioning.bundle.BundleEncryption.WrongPassphraseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleEncryptionTest {

    private static final String PASSPHRASE = "kunci-pindah-pemda-2025";
    private static final byte[] PAYLOAD = randomBytes(3 * 1024 * 1024 + 17);

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path gnupgHome;
    /** Encrypted once: each derivation of a key from the passphrase is deliberately slow. */
    private static byte[] ours;

    @BeforeAll
    static void encryptThePayloadAndMakeAnEmptyGnupgHome() throws IOException {
        ours = encrypt(PAYLOAD, PASSPHRASE);
        gnupgHome = Files.createDirectory(
                shared.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @AfterAll
    static void stopTheGpgAgent() {
        ExternalCommand.run(shared, "gpgconf", "--homedir", gnupgHome.toString(), "--kill", "all");
    }

    @Test
    void whatIsEncryptedDecryptsToTheSameBytes() throws IOException {
        assertThat(ours.length).isBetween(PAYLOAD.length, PAYLOAD.length + 1024);
        assertThat(indexOf(ours, Arrays.copyOfRange(PAYLOAD, 1000, 1032))).isEqualTo(-1);
        assertThat(decrypt(ours, PASSPHRASE)).isEqualTo(PAYLOAD);
    }

    @Test
    void gpgDecryptsWhatFleksiEncrypts() throws IOException {
        Path bundle = Files.write(dir.resolve("bundle.zip.gpg"), ours);

        String printed =
                succeed(dir, gpg("--passphrase", PASSPHRASE, "--output", "out.zip", "--decrypt", bundle.toString()));

        assertThat(Files.readAllBytes(dir.resolve("out.zip"))).isEqualTo(PAYLOAD);
        assertThat(printed).contains("AES256").doesNotContain("WARNING");
    }

    @Test
    void fleksiWritesAes256WithASaltedIteratedSha256KeyAnIntegrityCheckAndNoCompression() throws IOException {
        Path bundle = Files.write(dir.resolve("bundle.zip.gpg"), ours);

        String packets = succeed(dir, gpg("--passphrase", PASSPHRASE, "--list-packets", bundle.toString()));

        assertThat(packets)
                .contains(
                        ":symkey enc packet: version 4, cipher 9",
                        "s2k 3, hash 8",
                        "count 65011712",
                        ":encrypted data packet:",
                        "mdc_method: 2",
                        ":literal data packet:",
                        "mode b")
                .doesNotContain(":compressed packet:");
    }

    @Test
    void fleksiDecryptsWhatGpgEncryptsWithAes256() throws IOException {
        Path payload = Files.write(dir.resolve("bundle.zip"), PAYLOAD);

        succeed(
                dir,
                gpg(
                        "--passphrase",
                        PASSPHRASE,
                        "--symmetric",
                        "--cipher-algo",
                        "AES256",
                        "--output",
                        "bundle.zip.gpg",
                        payload.toString()));

        assertThat(decrypt(Files.readAllBytes(dir.resolve("bundle.zip.gpg")), PASSPHRASE))
                .isEqualTo(PAYLOAD);
    }

    @Test
    void fleksiDecryptsAnUncompressedGpgBundle() throws IOException {
        Path payload = Files.write(dir.resolve("bundle.zip"), PAYLOAD);

        succeed(
                dir,
                gpg(
                        "--passphrase",
                        PASSPHRASE,
                        "--symmetric",
                        "--cipher-algo",
                        "AES256",
                        "--compress-algo",
                        "none",
                        "--output",
                        "bundle.zip.gpg",
                        payload.toString()));

        assertThat(decrypt(Files.readAllBytes(dir.resolve("bundle.zip.gpg")), PASSPHRASE))
                .isEqualTo(PAYLOAD);
    }

    /** Java and gpg must agree on the passphrase's bytes (UTF-8), or a bundle opens on one side only. */
    @Test
    void aPassphraseBeyondAsciiOpensTheSameBundleInGpgAndFleksi() throws IOException {
        String passphrase = "Sandi rahasia é ü – ✓";
        Path passphraseFile = Files.writeString(dir.resolve("passphrase"), passphrase + "\n", StandardCharsets.UTF_8);
        Path ourBundle = Files.write(dir.resolve("ours.gpg"), encrypt(PAYLOAD, passphrase));

        succeed(
                dir,
                gpg(
                        "--passphrase-file",
                        passphraseFile.toString(),
                        "--output",
                        "ours.zip",
                        "--decrypt",
                        ourBundle.toString()));
        succeed(
                dir,
                gpg(
                        "--passphrase-file",
                        passphraseFile.toString(),
                        "--symmetric",
                        "--cipher-algo",
                        "AES256",
                        "--output",
                        "theirs.gpg",
                        "ours.zip"));

        assertThat(Files.readAllBytes(dir.resolve("ours.zip"))).isEqualTo(PAYLOAD);
        assertThat(decrypt(Files.readAllBytes(dir.resolve("theirs.gpg")), passphrase))
                .isEqualTo(PAYLOAD);
    }

    /** OpenPGP lets one message carry several passphrases; gpg's command line cannot write one, so BouncyCastle does. */
    @Test
    void aBundleWithTwoPassphrasesOpensWithEitherAndChecksItsIntegrity() throws Exception {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
        generator.addMethod(new BcPBEKeyEncryptionMethodGenerator("first".toCharArray()));
        generator.addMethod(new BcPBEKeyEncryptionMethodGenerator("second".toCharArray()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream encrypted = generator.open(bytes, new byte[4096]);
                OutputStream literal = new PGPLiteralDataGenerator()
                        .open(encrypted, PGPLiteralData.BINARY, "", PGPLiteralData.NOW, new byte[4096])) {
            literal.write(PAYLOAD, 0, 100_000);
        }
        byte[] twoPassphrases = bytes.toByteArray();
        byte[] altered = twoPassphrases.clone();
        altered[altered.length - 30] ^= 0x01;

        assertThat(decrypt(twoPassphrases, "first")).isEqualTo(Arrays.copyOf(PAYLOAD, 100_000));
        assertThat(decrypt(twoPassphrases, "second")).isEqualTo(Arrays.copyOf(PAYLOAD, 100_000));
        assertThatThrownBy(() -> decrypt(twoPassphrases, "third")).isInstanceOf(WrongPassphraseException.class);
        assertThatThrownBy(() -> decrypt(altered, "second")).isInstanceOf(TamperedException.class);
    }

    @Test
    void aWrongPassphraseIsRefusedBeforeAnyByteIsRead() throws IOException {
        assertThatThrownBy(() -> BundleEncryption.decrypting(
                        new ByteArrayInputStream(ours), "kunci-pindah-pemda-2024".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("The passphrase does not open this bundle.");
    }

    @Test
    void aWrongPassphraseIsRefusedForABundleGpgEncrypted() throws IOException {
        Path payload = Files.write(dir.resolve("bundle.zip"), PAYLOAD);
        succeed(
                dir,
                gpg(
                        "--passphrase",
                        PASSPHRASE,
                        "--symmetric",
                        "--cipher-algo",
                        "AES256",
                        "--output",
                        "bundle.zip.gpg",
                        payload.toString()));
        byte[] encrypted = Files.readAllBytes(dir.resolve("bundle.zip.gpg"));

        assertThatThrownBy(
                        () -> BundleEncryption.decrypting(new ByteArrayInputStream(encrypted), "not it".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void aFlippedBitAnywhereIsNeverReadAsDifferentBytes() throws IOException {
        assertThat(ours[0]).as("a session key packet with a one-byte length").isEqualTo((byte) 0xC3);
        int firstDataPacket = 2 + ours[1];
        int secondPartialLength = firstDataPacket + 2 + BundleEncryption.PACKET_SIZE;
        int[] positions = {
            1,
            4,
            10,
            20,
            40,
            firstDataPacket + 1,
            firstDataPacket + 5,
            firstDataPacket + 30,
            secondPartialLength,
            ours.length / 2,
            ours.length - 30,
            ours.length - 1
        };

        for (int position : positions) {
            byte[] altered = ours.clone();
            altered[position] ^= 0x01;

            assertThatThrownBy(() -> decrypt(altered, PASSPHRASE))
                    .as("bit flipped at byte %d of %d", position, ours.length)
                    .isInstanceOfAny(TamperedException.class, WrongPassphraseException.class);
        }
    }

    @Test
    void anAlteredPayloadIsReportedWhenItsEndIsRead() throws IOException {
        byte[] altered = ours.clone();
        altered[altered.length / 2] ^= 0x01;

        try (InputStream in =
                BundleEncryption.decrypting(new ByteArrayInputStream(altered), PASSPHRASE.toCharArray())) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(TamperedException.class)
                    .hasMessage("The encrypted bundle has been altered or is incomplete.");
        }
    }

    @Test
    void aTruncatedBundleIsReportedAsIncomplete() throws IOException {
        int[] lengths = {1, 10, 60, 70, ours.length / 2, ours.length - 22, ours.length - 1};

        for (int length : lengths) {
            byte[] truncated = Arrays.copyOf(ours, length);

            assertThatThrownBy(() -> decrypt(truncated, PASSPHRASE))
                    .as("cut after %d of %d bytes", length, ours.length)
                    .isInstanceOf(TamperedException.class);
        }
    }

    @Test
    void aFailingSourceStaysAnIoErrorRatherThanAnAlteredBundle() throws IOException {
        IOException diskError = new IOException("disk went away");
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(ours, 0, ours.length / 2)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw diskError;
                }
                return n;
            }
        };

        try (InputStream in = BundleEncryption.decrypting(failing, PASSPHRASE.toCharArray())) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isSameAs(diskError);
        }
    }

    @Test
    void aPlainZipIsRefusedAsNotEncrypted() throws IOException {
        assertThatThrownBy(() -> BundleEncryption.decrypting(new ByteArrayInputStream(zip()), PASSPHRASE.toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This bundle is not encrypted (it is not OpenPGP).");
    }

    @Test
    void aBundleEncryptedForAKeyIsRefusedAsNotPassphraseEncrypted() throws IOException {
        Path payload = Files.write(dir.resolve("bundle.zip"), PAYLOAD);
        succeed(
                dir,
                gpg(
                        "--passphrase",
                        "",
                        "--quick-generate-key",
                        "Operator <operator@fleksi.test>",
                        "future-default",
                        "default",
                        "never"));
        succeed(
                dir,
                gpg(
                        "--trust-model",
                        "always",
                        "--recipient",
                        "operator@fleksi.test",
                        "--output",
                        "bundle.zip.gpg",
                        "--encrypt",
                        payload.toString()));
        byte[] encrypted = Files.readAllBytes(dir.resolve("bundle.zip.gpg"));

        assertThat(BundleEncryption.isEncrypted(encrypted)).isTrue();
        assertThatThrownBy(() -> decrypt(encrypted, PASSPHRASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This bundle is encrypted for a key, not with a passphrase; Fleksi opens only the latter.");
    }

    @Test
    void isEncryptedTellsOpenPgpFromAZip() throws IOException {
        assertThat(BundleEncryption.isEncrypted(Arrays.copyOf(ours, 4))).isTrue();
        assertThat(BundleEncryption.isEncrypted(Arrays.copyOf(zip(), 4))).isFalse();
        assertThat(BundleEncryption.isEncrypted(new byte[0])).isFalse();
    }

    @Test
    void encryptionWritesAsItGoesRatherThanHoldingThePayload() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        OutputStream encrypting = BundleEncryption.encrypting(target, PASSPHRASE.toCharArray());

        encrypting.write(PAYLOAD, 0, 1024 * 1024);

        assertThat(target.size()).isGreaterThan(1024 * 1024 - 2 * BundleEncryption.PACKET_SIZE);
        encrypting.close();
    }

    @Test
    void closingFinishesThePacketsAndClosesTheTargetOnce() throws IOException {
        int[] closes = new int[1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream target = new FilterOutputStream(bytes) {
            @Override
            public void close() throws IOException {
                closes[0]++;
                super.close();
            }
        };

        OutputStream encrypting = BundleEncryption.encrypting(target, PASSPHRASE.toCharArray());
        encrypting.write(PAYLOAD, 0, 5000);
        encrypting.close();
        encrypting.close();

        assertThat(closes[0]).isEqualTo(1);
        assertThat(decrypt(bytes.toByteArray(), PASSPHRASE)).isEqualTo(Arrays.copyOf(PAYLOAD, 5000));
        assertThatThrownBy(() -> encrypting.write(1)).isInstanceOf(IOException.class);
    }

    private static byte[] encrypt(byte[] payload, String passphrase) throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (OutputStream out = BundleEncryption.encrypting(target, passphrase.toCharArray())) {
            out.write(payload);
        }
        return target.toByteArray();
    }

    private static byte[] decrypt(byte[] encrypted, String passphrase) throws IOException {
        try (InputStream in =
                BundleEncryption.decrypting(new ByteArrayInputStream(encrypted), passphrase.toCharArray())) {
            return in.readAllBytes();
        }
    }

    private static String[] gpg(String... arguments) {
        String[] common = {
            "gpg",
            "--homedir",
            gnupgHome.toString(),
            "--batch",
            "--yes",
            "--no-symkey-cache",
            "--pinentry-mode",
            "loopback"
        };
        String[] command = Arrays.copyOf(common, common.length + arguments.length);
        System.arraycopy(arguments, 0, command, common.length, arguments.length);
        return command;
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(20250617L).nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
