package id.fleksi.provisioning.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily feed a self-hosted replica sends its province ({@code fleksi.feed.*}; the environment's
 * {@code FLEKSI_FEED_URL} and {@code FLEKSI_FEED_ENABLED}).
 *
 * @param enabled whether to send once a URL is set; a kabupaten may decline it ({@code false})
 * @param url     the province's Fleksi, e.g. {@code https://fleksi.sulbarprov.go.id}; empty: nothing is sent. Plain
 *                {@code http} only to this machine (a test, a trial of two instances side by side): the figures travel
 *                over the internet otherwise, and TLS is what keeps their content private
 */
@ConfigurationProperties("fleksi.feed")
public record FeedProperties(Boolean enabled, String url) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public FeedProperties {
        enabled = enabled == null || enabled;
        url = url == null || url.isBlank() ? null : url.strip();
        if (url != null) {
            province(url);
        }
    }

    /** Whether this instance sends the feed. */
    public boolean sending() {
        return enabled && url != null;
    }

    /** Where the feed goes: the province's receiver below {@link #url}. */
    URI endpoint() {
        return URI.create(province(url) + DailyFeed.PATH); // below a path the province may be served under
    }

    /**
     * The province's base address, checked.
     *
     * @throws IllegalArgumentException naming the setting and what it takes, so Fleksi does not start with a wrong one
     */
    static URI province(String url) {
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw refused(url, "it is not an address");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw refused(url, "give the scheme, host and optionally port and path, nothing more");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw refused(url, "it must be https (plain http only to 127.0.0.1 or localhost)");
        }
        return uri;
    }

    private static IllegalArgumentException refused(String url, String why) {
        return new IllegalArgumentException("FLEKSI_FEED_URL (fleksi.feed.url) '" + url + "' is refused: " + why
                + ", e.g. https://fleksi.sulbarprov.go.id");
    }
}
