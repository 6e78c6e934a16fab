package id.fleksi.provisioning.bundle;

/** An import that failed after it began writing, and was rolled back. */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
