package id.fleksi.provisioning.bundle;

import java.io.IOException;
import java.io.OutputStream;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;

/**
 * The writing end of {@link BundleEncryption#encrypting}: BouncyCastle's generators each need their own close,
 * innermost first, to write the last partial packet and the modification detection code, and neither closes
 * the stream under it.
 */
final class EncryptingOutputStream extends OutputStream {

    private final OutputStream plain;
    private final PGPLiteralDataGenerator literal;
    private final PGPEncryptedDataGenerator encryption;
    private final OutputStream target;
    private boolean closed;

    EncryptingOutputStream(
            OutputStream plain,
            PGPLiteralDataGenerator literal,
            PGPEncryptedDataGenerator encryption,
            OutputStream target) {
        this.plain = plain;
        this.literal = literal;
        this.encryption = encryption;
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        plain.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        plain.write(b, off, len);
    }

    /** Passes on what is complete; OpenPGP packets are only written whole, so up to a packet may stay behind. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        plain.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (target) {
            literal.close();
            encryption.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The bundle's encryption has already been finished.");
        }
    }
}
