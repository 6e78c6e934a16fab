package id.fleksi.provisioning.feed;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.bundle.BundleSignatures;
import io.swagger.v3.oas.annotations.media.Schema;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * On the province: takes a replica's daily feed, or refuses it whole. Only for a tenant handed over from here, only signed
 * by the key its operator registered for that tenant's replica ({@link ReplicaKeys}), over exactly the bytes received;
 * then only figures that make sense, of a day that has begun. The signature is checked before anything the document
 * says is believed, and a refusal stores nothing.
 */
@Component
class FeedIntake {

    /** Hundreds of OPD fit in a tenth of this. */
    static final int MAX_BYTES = 256 * 1024;
    /** A replica's clock may run a little ahead of ours; a count from further ahead would shadow every later one. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    /** The province's answer to a feed it took. */
    @Schema(name = "FeedReceipt")
    record Receipt(
            String tenant,
            LocalDate day,
            int opds,

            @Schema(description = "false when figures counted later were already here; those stay")
            boolean current) {}

    private final FeedJson json;
    private final TenantRegistry registry;
    private final ReplicaKeys keys;
    private final FeedDays days;

    FeedIntake(FeedJson json, TenantRegistry registry, ReplicaKeys keys, FeedDays days) {
        this.json = json;
        this.registry = registry;
        this.keys = keys;
        this.days = days;
    }

    Receipt accept(byte[] body, String signatureHeader, String signerHeader, Instant now) {
        byte[] signature = signature(signatureHeader);
        DailyFeed feed = read(body);
        Tenant tenant = expected(feed.tenant());
        if (!keys.handedOver(tenant)) {
            throw notExpected(feed.tenant(), "it was not handed over from here to a server of its own");
        }
        PublicKey trusted = keys.of(tenant)
                .orElseThrow(() -> notExpected(
                        feed.tenant(),
                        "no key is registered for its"
                                + " replica. The province's operator registers it: fleksi tenant handover-confirm "
                                + feed.tenant()
                                + " --replica-key FILE"));
        String registered = BundleSignatures.fingerprint(trusted);
        if (!BundleSignatures.verifies(trusted, body, signature)) {
            String claimed = signerHeader == null ? "" : signerHeader.strip();
            throw Problem.forbidden(
                    "feed-signature-refused",
                    "Signature refused",
                    (registered.equals(claimed)
                                    ? "The signature does not match the feed as received: it was changed on the way, or signed wrongly."
                                    : "The feed is not signed by the key registered for tenant '" + feed.tenant()
                                            + "' (" + registered + ")"
                                            + (claimed.isEmpty() ? "" : ", but by " + abbreviate(claimed)) + ".")
                            + " Nothing was stored.");
        }
        List<String> problems = feed.problems();
        if (!problems.isEmpty()) {
            throw Problem.unprocessable(
                            "feed-invalid", "Feed refused", String.join("; ", problems) + ". Nothing was stored.")
                    .with(
                            "errors",
                            problems.stream()
                                    .map(problem -> Map.of("message", problem))
                                    .toList());
        }
        LocalDate today = now.atZone(tenant.timeZone().zone()).toLocalDate();
        if (feed.day().isAfter(today)) {
            throw Problem.unprocessable(
                    "feed-in-future",
                    "Not yet",
                    "day " + feed.day() + " has not begun in " + feed.tenant()
                            + "'s time zone; is the replica's clock right? Nothing was stored.");
        }
        if (feed.generatedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw Problem.unprocessable(
                    "feed-in-future",
                    "Not yet",
                    "generatedAt " + feed.generatedAt() + " is later than"
                            + " now; is the replica's clock right? Nothing was stored.");
        }
        boolean current = days.store(feed, registered, now);
        return new Receipt(feed.tenant(), feed.day(), feed.opds().size(), current);
    }

    private static byte[] signature(String header) {
        if (header == null || header.isBlank()) {
            throw Problem.badRequest(
                    "feed-unsigned",
                    "Feed not signed",
                    "A feed carries its signature in " + DailyFeed.SIGNATURE_HEADER
                            + " (base64 of Ed25519 over the body). Nothing was stored.");
        }
        try {
            return Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            throw Problem.forbidden(
                    "feed-signature-refused",
                    "Signature refused",
                    DailyFeed.SIGNATURE_HEADER + " is not base64. Nothing was stored.");
        }
    }

    private DailyFeed read(byte[] body) {
        try {
            return json.read(body);
        } catch (JacksonException e) {
            // The parser's own words name Java types: the sender reads where, and what the document is.
            StringBuilder at = new StringBuilder();
            for (JacksonException.Reference reference : e.getPath()) {
                if (reference.getPropertyName() != null) {
                    at.append(at.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    at.append('[').append(reference.getIndex()).append(']');
                }
            }
            throw Problem.badRequest(
                    "feed-unreadable",
                    "Feed unreadable",
                    (at.isEmpty() ? "The body" : at + ":")
                            + " is not a daily feed document (version " + DailyFeed.VERSION
                            + ", every field given, see docs/feed.md)."
                            + " Nothing was stored.");
        }
    }

    private Tenant expected(String code) {
        if (TenantCode.problemWith(code) != null) {
            throw notExpected(String.valueOf(code), "it is no tenant code");
        }
        return registry.find(TenantCode.of(code))
                .orElseThrow(() -> notExpected(code, "no such tenant is registered here"));
    }

    /** One answer for every tenant this Fleksi takes no feed for, with the reason its sender can act on. */
    private static Problem notExpected(String code, String why) {
        return Problem.forbidden(
                "feed-not-expected",
                "Feed not expected",
                "This Fleksi takes no daily feed" + " for tenant '" + abbreviate(code) + "': " + why
                        + ". Nothing was stored.");
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
