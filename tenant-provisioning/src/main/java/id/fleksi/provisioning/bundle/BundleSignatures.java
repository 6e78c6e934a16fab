package id.fleksi.provisioning.bundle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 signatures over a bundle, with the JDK alone, so that the receiving instance can tell that a bundle
 * comes from the instance whose public key its operator trusts. Keys travel as PEM in the form openssl writes
 * and reads, so an operator can check a signature by hand without Fleksi.
 */
public final class BundleSignatures {

    private static final String ALGORITHM = "Ed25519";
    private static final int SIGNATURE_LENGTH = 64;
    private static final String NOT_A_PEM_KEY =
            "This is not an Ed25519 public key in PEM form (-----BEGIN PUBLIC KEY-----)";
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
    private static final Base64.Encoder PEM_BODY = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private BundleSignatures() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw missingFromJdk(e);
        }
    }

    /** @throws IllegalArgumentException when the key is not an Ed25519 private key */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("This is not an Ed25519 private key.", e);
        } catch (NoSuchAlgorithmException | SignatureException e) {
            throw missingFromJdk(e);
        }
    }

    /**
     * Whether the signature is the key's over exactly these bytes. A wrong, truncated or garbled signature is
     * simply not valid: it answers false rather than throwing, because it comes from outside.
     *
     * @throws IllegalArgumentException when the key is not an Ed25519 public key (our mistake, not the sender's)
     */
    public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            // Java 17 accepts a valid signature with a zero byte appended; one signature must have one form.
            return false;
        }
        Signature verifier;
        try {
            verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("This is not an Ed25519 public key.", e);
        } catch (NoSuchAlgorithmException e) {
            throw missingFromJdk(e);
        }
        try {
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        }
    }

    /** The key as openssl writes it: X.509 SubjectPublicKeyInfo in base64 lines of 64 characters. */
    public static String toPem(PublicKey key) {
        byte[] der = publicKey(key.getEncoded()).getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + PEM_BODY.encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * Reads a key written by {@link #toPem} or by {@code openssl pkey -pubout}, whatever its line endings and
     * surrounding whitespace.
     *
     * @throws IllegalArgumentException with a sentence for the operator when it is anything else
     */
    public static PublicKey readPem(String pem) {
        Matcher matcher = PEM.matcher(pem == null ? "" : pem.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(NOT_A_PEM_KEY);
        }
        try {
            byte[] der = Base64.getDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
            return decodePublic(der);
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IllegalArgumentException(NOT_A_PEM_KEY, e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an Ed25519 X.509 SubjectPublicKeyInfo */
    public static PublicKey publicKey(byte[] x509Der) {
        try {
            return decodePublic(x509Der);
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("This is not an Ed25519 public key (X.509 SubjectPublicKeyInfo).", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not an Ed25519 PKCS#8 private key */
    public static PrivateKey privateKey(byte[] pkcs8Der) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("This is not an Ed25519 private key (PKCS#8).", e);
        }
    }

    /**
     * A short name for the key that two operators can read to each other: {@code SHA256:} and the unpadded
     * base64 of SHA-256 over the key's DER encoding. It looks like what ssh-keygen prints, but ssh-keygen hashes
     * the SSH encoding of a key, so the two never match for the same key; openssl gives the same value with
     * {@code openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64}.
     */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw missingFromJdk(e);
        }
    }

    private static PublicKey decodePublic(byte[] x509Der) throws InvalidKeySpecException {
        return keyFactory().generatePublic(new X509EncodedKeySpec(x509Der));
    }

    private static KeyFactory keyFactory() {
        try {
            return KeyFactory.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw missingFromJdk(e);
        }
    }

    /** Every JDK since 15 has Ed25519 and SHA-256; without them this runtime cannot run Fleksi. */
    private static IllegalStateException missingFromJdk(GeneralSecurityException e) {
        return new IllegalStateException("This Java runtime cannot sign or verify with Ed25519.", e);
    }
}
