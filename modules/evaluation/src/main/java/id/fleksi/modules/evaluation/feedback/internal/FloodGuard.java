package id.fleksi.modules.evaluation.feedback.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, as the API's limits) for the public pages: pages and ratings per address, ratings per
 * service. A citizen's address is never kept as it is: its bucket is found by an HMAC of the address under a salt
 * that is made at random and replaced every day, in this instance's memory only, and forgotten after an idle hour;
 * nothing of it reaches the database or the log.
 */
@Component
public class FloodGuard {

    /** Whether a request may go on, and if not how many seconds until it may. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {

        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    private static final Duration SALT_LIFE = Duration.ofDays(1);

    private final FeedbackProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private volatile Salt salt;

    private record Salt(byte[] bytes, Instant until) {}

    FloodGuard(FeedbackProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A public page opened from this address. */
    public Verdict page(String tenant, String address) {
        return take(
                "page:" + addressKey(tenant, address),
                properties.pagesPerAddressPerMinute(),
                properties.pagesPerAddressPerMinute(),
                Duration.ofMinutes(1));
    }

    /** A rating sent from this address, whatever becomes of it. */
    public Verdict rating(String tenant, String address) {
        return take(
                "rate:" + addressKey(tenant, address),
                properties.perAddressBurst(),
                properties.perAddressPerHour(),
                Duration.ofHours(1));
    }

    /** A rating that reached this service, from anyone. */
    public Verdict service(String tenant, String slug) {
        return take(
                "service:" + tenant + "/" + slug,
                properties.perServiceBurst(),
                properties.perServicePerHour(),
                Duration.ofHours(1));
    }

    private Verdict take(String key, int burst, int refill, Duration period) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(refill, period))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        return new Verdict(
                false,
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** The address under today's salt: the same address maps to the same bucket today, and to nothing recoverable. */
    String addressKey(String tenant, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(currentSalt(), "HmacSHA256"));
            byte[] hash = mac.doFinal((tenant + "\u0000" + address).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] currentSalt() {
        Salt now = salt;
        Instant at = clock.instant();
        if (now == null || at.isAfter(now.until())) {
            synchronized (this) {
                if (salt == null || at.isAfter(salt.until())) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    salt = new Salt(bytes, at.plus(SALT_LIFE));
                }
                now = salt;
            }
        }
        return now.bytes();
    }
}
