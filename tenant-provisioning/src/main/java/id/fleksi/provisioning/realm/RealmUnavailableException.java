package id.fleksi.provisioning.realm;

/** Keycloak could not be reached, or refused an admin call. */
public class RealmUnavailableException extends RuntimeException {
    public RealmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
