package id.fleksi.provisioning.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;

/**
 * Passphrase encryption of a bundle in plain OpenPGP (RFC 4880), so that an operator can open a bundle with
 * {@code gpg -d} and Fleksi can open one made with {@code gpg --symmetric --cipher-algo AES256}; nobody has to
 * trust a format only Fleksi can read.
 * <p>
 * Fleksi writes a symmetric-key encrypted session key (AES-256, iterated and salted S2K over SHA-256) followed
 * by integrity-protected data (with a modification detection code) holding one uncompressed literal packet: the
 * payload is a zip, compressing it again gains nothing. Both directions stream in packets of
 * {@value #PACKET_SIZE} bytes, so a bundle of any size needs only a few buffers of memory.
 */
public final class BundleEncryption {

    /** 2^16 bytes per partial packet: the largest buffer BouncyCastle's generators use, and still small. */
    static final int PACKET_SIZE = 1 << 16;

    /**
     * The largest iteration count OpenPGP can express, 65,011,712 bytes hashed, which is also what gpg calibrates
     * itself to on current hardware; in Java it costs up to a second per export or import. A bundle holds a whole
     * pemda's personnel data and may sit on a USB stick for years.
     */
    private static final int S2K_COUNT = 0xFF;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * SHA-256 from the JDK, whose compiled form is about twice as fast as BouncyCastle's Java one: the key
     * derivation is meant to be slow for an attacker, not for the operator.
     */
    static final PGPDigestCalculatorProvider DIGESTS = jdkDigests();

    private BundleEncryption() {}

    /**
     * A stream that encrypts what is written to it into {@code target}. Closing it writes the end of the
     * OpenPGP packets and closes {@code target}; a bundle whose stream was never closed cannot be opened.
     * Close it only when the whole payload was written: a stream closed after a failure yields a well-formed
     * encryption of a partial payload, so delete such a file.
     * <p>
     * The passphrase is turned into a key before this returns; the caller may clear the array afterwards.
     */
    public static OutputStream encrypting(OutputStream target, char[] passphrase) throws IOException {
        PGPEncryptedDataGenerator encryption =
                new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(RANDOM));
        try {
            encryption.addMethod(
                    new BcPBEKeyEncryptionMethodGenerator(passphrase, DIGESTS.get(HashAlgorithmTags.SHA256), S2K_COUNT)
                            .setSecureRandom(RANDOM));
            OutputStream encrypted = encryption.open(target, new byte[PACKET_SIZE]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain =
                    literal.open(encrypted, PGPLiteralData.BINARY, "", PGPLiteralData.NOW, new byte[PACKET_SIZE]);
            return new EncryptingOutputStream(plain, literal, encryption, target);
        } catch (PGPException e) {
            throw new IllegalStateException("BouncyCastle could not set up AES-256 OpenPGP encryption.", e);
        }
    }

    /**
     * A stream of the decrypted payload of {@code source}, which it closes when closed.
     * <p>
     * A wrong passphrase is refused here, before any byte is read. Whether the payload is intact is only known
     * at its end (OpenPGP's modification detection code follows the data), so the stream throws
     * {@link TamperedException} at the latest when its end is read. <strong>Read to the end before trusting or
     * acting on any byte</strong>: decrypt into a temporary file and use that file only once this stream has
     * answered end of stream without throwing.
     * <p>
     * Bundles written by gpg may be compressed; such a stream is inflated without a size limit, so decrypt only
     * bundles an operator chose to import, onto a disk with room.
     *
     * @throws WrongPassphraseException when the passphrase does not open the bundle; in about one case in
     *         65,536 OpenPGP's check lets a wrong passphrase through, and reading then fails with
     *         {@link TamperedException} instead
     * @throws TamperedException when the packets are malformed or incomplete
     * @throws IllegalArgumentException when {@code source} is not an OpenPGP message encrypted with a
     *         passphrase at all (see {@link #isEncrypted})
     * @throws IOException when reading {@code source} itself fails
     */
    public static InputStream decrypting(InputStream source, char[] passphrase) throws IOException {
        return DecryptingInputStream.open(source, passphrase);
    }

    /**
     * Whether a bundle starting with these bytes is encrypted (a binary OpenPGP packet, whose first byte has its
     * high bit set) rather than a plain zip ({@code PK\3\4}). Armoured ("-----BEGIN PGP MESSAGE-----") input
     * counts as not encrypted, and Fleksi does not read it.
     */
    public static boolean isEncrypted(byte[] firstBytes) {
        return firstBytes.length > 0 && (firstBytes[0] & 0x80) != 0;
    }

    private static PGPDigestCalculatorProvider jdkDigests() {
        try {
            return new JcaPGPDigestCalculatorProviderBuilder().build();
        } catch (PGPException e) {
            throw new IllegalStateException("This Java runtime offers no message digests to OpenPGP.", e);
        }
    }

    /** The passphrase does not open the bundle; the person can try again. */
    public static final class WrongPassphraseException extends RuntimeException {
        WrongPassphraseException(Throwable cause) {
            super("The passphrase does not open this bundle.", cause);
        }
    }

    /** The bundle was changed or cut short after it was encrypted; nothing read from it may be used. */
    public static final class TamperedException extends RuntimeException {
        TamperedException(Throwable cause) {
            super("The encrypted bundle has been altered or is incomplete.", cause);
        }
    }
}
