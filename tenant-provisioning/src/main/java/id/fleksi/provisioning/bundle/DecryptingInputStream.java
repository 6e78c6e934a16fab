package id.fleksi.provisioning.bundle;

import id.fleksi.provisioning.bundle.BundleEncryption.TamperedException;
import id.fleksi.provisioning.bundle.BundleEncryption.WrongPassphraseException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;

/**
 * The reading end of {@link BundleEncryption#decrypting}. It turns BouncyCastle's many ways of failing into
 * the two a person can act on (wrong passphrase, altered bundle), keeps a real read error of the source an
 * {@link IOException}, and checks the modification detection code when the payload's end is reached, so that
 * no caller can forget to.
 */
final class DecryptingInputStream extends InputStream {

    private final InputStream payload;
    private final PGPEncryptedData sealed;
    private final WatchedSource source;
    private boolean verified;

    private DecryptingInputStream(InputStream payload, PGPEncryptedData sealed, WatchedSource source) {
        this.payload = payload;
        this.sealed = sealed;
        this.source = source;
    }

    static InputStream open(InputStream encrypted, char[] passphrase) throws IOException {
        WatchedSource source = new WatchedSource(encrypted);
        InputStream buffered = new BufferedInputStream(source, BundleEncryption.PACKET_SIZE);
        buffered.mark(1);
        int first = buffered.read();
        buffered.reset();
        if (first < 0 || !BundleEncryption.isEncrypted(new byte[] {(byte) first})) {
            throw new NotPassphraseEncryptedException("This bundle is not encrypted (it is not OpenPGP).");
        }
        try {
            List<PGPPBEEncryptedData> candidates = passphraseEncryptions(buffered);
            if (!candidates.get(0).isIntegrityProtected() && !candidates.get(0).isAEAD()) {
                throw new TamperedException(new PGPException("the encrypted data carries no integrity check"));
            }
            Unlocked unlocked = unlock(candidates, passphrase);
            return new DecryptingInputStream(literalPayload(unlocked.clear()), unlocked.sealed(), source);
        } catch (WrongPassphraseException | TamperedException | NotPassphraseEncryptedException e) {
            throw e;
        } catch (IOException | PGPException | RuntimeException e) {
            throw source.failureOr(e);
        }
    }

    private static List<PGPPBEEncryptedData> passphraseEncryptions(InputStream in) throws IOException {
        BcPGPObjectFactory packets = new BcPGPObjectFactory(in);
        Object first = packets.nextObject();
        while (first instanceof PGPMarker) {
            first = packets.nextObject();
        }
        if (!(first instanceof PGPEncryptedDataList list)) {
            throw new NotPassphraseEncryptedException("This bundle is OpenPGP but not encrypted.");
        }
        List<PGPPBEEncryptedData> candidates = new ArrayList<>();
        boolean forKeys = false;
        for (PGPEncryptedData method : list) {
            if (method instanceof PGPPBEEncryptedData passphraseMethod) {
                candidates.add(passphraseMethod);
            }
            forKeys |= method instanceof PGPPublicKeyEncryptedData;
        }
        if (candidates.isEmpty() && forKeys) {
            throw new NotPassphraseEncryptedException(
                    "This bundle is encrypted for a key, not with a passphrase; Fleksi opens only the latter.");
        }
        if (candidates.isEmpty()) {
            // BouncyCastle skips a session key packet it cannot parse, such as one with a damaged S2K type.
            throw new TamperedException(new PGPException("no session key packet could be read"));
        }
        return candidates;
    }

    /** The decrypted stream and the method that opened it, which alone can check the data's integrity. */
    private record Unlocked(PGPEncryptedData sealed, InputStream clear) {}

    /** Each passphrase method in turn, as gpg does; OpenPGP allows several passphrases for one message. */
    private static Unlocked unlock(List<PGPPBEEncryptedData> candidates, char[] passphrase) throws PGPException {
        PGPException refusal = null;
        for (PGPPBEEncryptedData candidate : candidates) {
            try {
                return new Unlocked(
                        candidate,
                        candidate.getDataStream(new BcPBEDataDecryptorFactory(passphrase, BundleEncryption.DIGESTS)));
            } catch (PGPException e) {
                if (endedEarly(e)) {
                    throw e;
                }
                refusal = e;
            }
        }
        throw new WrongPassphraseException(refusal);
    }

    /** Fleksi writes the literal packet directly; gpg compresses it first unless told not to. */
    private static InputStream literalPayload(InputStream clear) throws IOException, PGPException {
        Object content = new BcPGPObjectFactory(clear).nextObject();
        if (content instanceof PGPCompressedData compressed) {
            content = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
        }
        if (!(content instanceof PGPLiteralData literal)) {
            throw new PGPException("the decrypted data holds no literal data packet");
        }
        return literal.getInputStream();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (verified) {
            return -1;
        }
        try {
            int n = payload.read(b, off, len);
            if (n < 0) {
                verifyIntegrity();
            }
            return n;
        } catch (TamperedException e) {
            throw e;
        } catch (IOException | PGPException | RuntimeException e) {
            throw source.failureOr(e);
        }
    }

    private void verifyIntegrity() throws IOException, PGPException {
        if (!sealed.verify()) {
            throw new TamperedException(new PGPException("modification detection code does not match"));
        }
        verified = true;
    }

    @Override
    public void close() throws IOException {
        try (source) {
            payload.close();
        }
    }

    private static boolean endedEarly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /** An {@link IllegalArgumentException} of ours, told apart from those BouncyCastle throws on bad packets. */
    private static final class NotPassphraseEncryptedException extends IllegalArgumentException {
        NotPassphraseEncryptedException(String message) {
            super(message);
        }
    }

    /**
     * Remembers whether the bundle's own source failed, so that a disk error stays an {@link IOException}
     * while everything BouncyCastle throws about the bytes themselves becomes {@link TamperedException}.
     */
    private static final class WatchedSource extends FilterInputStream {

        private IOException failure;

        WatchedSource(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        TamperedException failureOr(Exception e) throws IOException {
            if (failure != null) {
                throw failure;
            }
            return new TamperedException(e);
        }
    }
}
