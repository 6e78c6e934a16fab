package id.fleksi.provisioning.bundle;

import static id.fleksi.provisioning.bundle.ExternalCommand.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSignaturesTest {

    private static final String NOT_A_KEY =
            "This is not an Ed25519 public key in PEM form (-----BEGIN PUBLIC KEY-----)";

    @TempDir
    Path dir;

    private final KeyPair keys = BundleSignatures.generate();
    private final byte[] manifest = "{\"tenant\":\"kab-sigi\",\"tables\":42}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesWithItsKeyOverTheSameBytes() {
        byte[] signature = BundleSignatures.sign(keys.getPrivate(), manifest);

        assertThat(signature).hasSize(64);
        assertThat(BundleSignatures.verifies(keys.getPublic(), manifest, signature))
                .isTrue();
    }

    @Test
    void aFlippedBitInTheDataOrTheSignatureDoesNotVerify() {
        byte[] signature = BundleSignatures.sign(keys.getPrivate(), manifest);

        for (int bit = 0; bit < manifest.length * 8; bit += 7) {
            byte[] data = manifest.clone();
            data[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(BundleSignatures.verifies(keys.getPublic(), data, signature))
                    .as("data bit %d", bit)
                    .isFalse();
        }
        for (int bit = 0; bit < signature.length * 8; bit += 5) {
            byte[] altered = signature.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(BundleSignatures.verifies(keys.getPublic(), manifest, altered))
                    .as("signature bit %d", bit)
                    .isFalse();
        }
    }

    @Test
    void aGarbledSignatureIsSimplyNotValid() {
        byte[] signature = BundleSignatures.sign(keys.getPrivate(), manifest);
        byte[] random = new byte[64];
        new Random(7).nextBytes(random);
        byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte) 0xFF);

        // A zero byte appended to a valid signature is accepted by Java 17's own Ed25519 verifier.
        for (byte[] garbled : new byte[][] {
            new byte[0], Arrays.copyOf(signature, 63), Arrays.copyOf(signature, 65), random, allOnes, new byte[64]
        }) {
            assertThat(BundleSignatures.verifies(keys.getPublic(), manifest, garbled))
                    .isFalse();
        }
    }

    @Test
    void anotherKeyDoesNotVerify() {
        byte[] signature = BundleSignatures.sign(keys.getPrivate(), manifest);

        assertThat(BundleSignatures.verifies(BundleSignatures.generate().getPublic(), manifest, signature))
                .isFalse();
    }

    @Test
    void keysSurvivePemAndTheirDerEncodings() {
        PublicKey read = BundleSignatures.readPem(BundleSignatures.toPem(keys.getPublic()));
        byte[] signature = BundleSignatures.sign(
                BundleSignatures.privateKey(keys.getPrivate().getEncoded()), manifest);

        assertThat(read).isEqualTo(keys.getPublic());
        assertThat(BundleSignatures.publicKey(keys.getPublic().getEncoded())).isEqualTo(keys.getPublic());
        assertThat(BundleSignatures.verifies(read, manifest, signature)).isTrue();
    }

    @Test
    void pemIsWrittenExactlyAsOpensslWritesIt() throws IOException {
        String pem = BundleSignatures.toPem(keys.getPublic());
        Path file = Files.writeString(dir.resolve("ours.pem"), pem, StandardCharsets.US_ASCII);

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pem.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(64));
        assertThat(succeed(dir, "openssl", "pkey", "-pubin", "-in", file.toString(), "-noout", "-text"))
                .contains("ED25519 Public-Key");
        assertThat(succeed(dir, "openssl", "pkey", "-pubin", "-in", file.toString()))
                .isEqualTo(pem);
    }

    @Test
    void opensslVerifiesASignatureMadeByFleksiAndRefusesItForOtherData() throws IOException {
        Path key = Files.writeString(dir.resolve("pub.pem"), BundleSignatures.toPem(keys.getPublic()));
        Path data = Files.write(dir.resolve("manifest.json"), manifest);
        Path other = Files.write(dir.resolve("other.json"), "{}".getBytes(StandardCharsets.UTF_8));
        Path signature = Files.write(dir.resolve("manifest.sig"), BundleSignatures.sign(keys.getPrivate(), manifest));

        assertThat(succeed(
                        dir,
                        "openssl",
                        "pkeyutl",
                        "-verify",
                        "-pubin",
                        "-inkey",
                        key.toString(),
                        "-rawin",
                        "-in",
                        data.toString(),
                        "-sigfile",
                        signature.toString()))
                .contains("Signature Verified Successfully");
        assertThat(ExternalCommand.run(
                                dir,
                                "openssl",
                                "pkeyutl",
                                "-verify",
                                "-pubin",
                                "-inkey",
                                key.toString(),
                                "-rawin",
                                "-in",
                                other.toString(),
                                "-sigfile",
                                signature.toString())
                        .succeeded())
                .isFalse();
    }

    @Test
    void aKeyAndSignatureMadeByOpensslAreReadWhateverTheLineEndings() throws IOException {
        succeed(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        succeed(dir, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        Files.write(dir.resolve("manifest.json"), manifest);
        succeed(
                dir,
                "openssl",
                "pkeyutl",
                "-sign",
                "-inkey",
                "key.pem",
                "-rawin",
                "-in",
                "manifest.json",
                "-out",
                "manifest.sig");
        String pem = Files.readString(dir.resolve("pub.pem"), StandardCharsets.US_ASCII);

        PublicKey read = BundleSignatures.readPem("\r\n  " + pem.replace("\n", "\r\n") + "\r\n\t ");

        assertThat(BundleSignatures.verifies(read, manifest, Files.readAllBytes(dir.resolve("manifest.sig"))))
                .isTrue();
        assertThat(BundleSignatures.toPem(read)).isEqualTo(pem);
    }

    @Test
    void anythingButAnEd25519PublicKeyInPemIsRefusedWithASentence() throws NoSuchAlgorithmException {
        String ours = BundleSignatures.toPem(keys.getPublic());
        String[] notKeys = {
            "",
            "   ",
            "hello",
            ours.replace("PUBLIC KEY", "PRIVATE KEY"),
            ours.substring(0, ours.length() - 10),
            ours.replace("-----\n", "-----\n!!"),
            pem(ours.substring(27, 40)),
            pem(Base64.getEncoder().encodeToString(new byte[44])),
            pem(publicKeyOf("Ed448")),
            pem(publicKeyOf("RSA")),
            pem(publicKeyOf("EC"))
        };

        for (String notKey : notKeys) {
            assertThatThrownBy(() -> BundleSignatures.readPem(notKey))
                    .as(notKey)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(NOT_A_KEY);
        }
        assertThatThrownBy(() -> BundleSignatures.readPem(null)).hasMessage(NOT_A_KEY);
    }

    @Test
    void anotherKindOfKeyIsNeitherWrittenNorUsed() throws NoSuchAlgorithmException {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThatThrownBy(() -> BundleSignatures.toPem(rsa.getPublic())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleSignatures.sign(rsa.getPrivate(), manifest))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleSignatures.privateKey(rsa.getPrivate().getEncoded()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFingerprintIsStableDiffersBetweenKeysAndIsWhatOpensslComputes() throws IOException {
        String fingerprint = BundleSignatures.fingerprint(keys.getPublic());
        Files.writeString(dir.resolve("pub.pem"), BundleSignatures.toPem(keys.getPublic()));

        String openssl = succeed(
                dir,
                "sh",
                "-c",
                "openssl pkey -pubin -in pub.pem -outform DER | openssl dgst -sha256 -binary | base64");

        assertThat(fingerprint).matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(BundleSignatures.fingerprint(BundleSignatures.readPem(BundleSignatures.toPem(keys.getPublic()))))
                .isEqualTo(fingerprint);
        assertThat(BundleSignatures.fingerprint(BundleSignatures.generate().getPublic()))
                .isNotEqualTo(fingerprint);
        assertThat("SHA256:" + openssl.strip().replace("=", "")).isEqualTo(fingerprint);
    }

    private static String publicKeyOf(String algorithm) throws NoSuchAlgorithmException {
        return Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance(algorithm)
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());
    }

    private static String pem(String base64) {
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
