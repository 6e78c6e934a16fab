package id.fleksi.platform.mail;

import java.util.Optional;

/**
 * A pemda's SMTP server, plain on its port (the pemda's own relay on its network; no login), and the address mail is
 * sent from.
 */
public record MailServer(String host, int port, String from) {

    /** The server the settings name, or none while the host or the sender address is empty. */
    public static Optional<MailServer> of(String host, int port, String from) {
        if (host == null || host.isBlank() || from == null || from.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MailServer(host.strip(), port, from.strip()));
    }
}
