package id.fleksi.modules.evaluation.feedback.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The signed token each public form carries: which pemda and service it was shown for, when, and a one-time nonce,
 * signed with the server's key (HMAC-SHA256). It replaces the session's CSRF token on a page that has no session, and
 * lets the server refuse a form sent back sooner than a person fills it in, a forged or stale one, and a second use of
 * the same form (the used nonces are remembered in memory for as long as a form lives).
 *
 * <p>The token is also a small proof-of-work puzzle: the page's script looks for a number that makes
 * SHA-256(token + ":" + number) start with {@value #WORK_BITS} zero bits (about 4,000 tries, well under a second on a
 * cheap phone, done while the citizen reads the form). A form sent without it (no JavaScript, or a script posting
 * forms) still counts, but must have been open longer ({@code minSecondsWithoutScript}).
 */
@Component
public class FormTokens {

    /** What a token sent back is worth. */
    public enum Check {
        VALID,
        TOO_FAST,
        EXPIRED,
        USED,
        INVALID
    }

    /** The leading zero bits of the proof of work. */
    public static final int WORK_BITS = 12;

    private final FeedbackProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] key;
    private final Cache<String, Boolean> used;

    FormTokens(FeedbackProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.formKey().isBlank()) {
            key = new byte[32];
            random.nextBytes(key);
        } else {
            key = properties.formKey().getBytes(StandardCharsets.UTF_8);
        }
        used = Caffeine.newBuilder()
                .maximumSize(1_000_000)
                .expireAfterWrite(Duration.ofMinutes(properties.maxFormAgeMinutes() + 1L))
                .build();
    }

    /** A fresh token for the form of this service, shown now. */
    public String issue(String tenant, String slug) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = tenant + "|" + slug + "|" + clock.instant().toEpochMilli() + "|"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + encode(sign(payload));
    }

    /**
     * What the token sent back with a form of this service is worth, with the proof of work found for it (null when the
     * page's script did not run); a valid one is spent by this check.
     */
    public Check check(@Nullable String token, @Nullable String work, String tenant, String slug) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0 || token.length() > 400) {
            return Check.INVALID;
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Check.INVALID;
        }
        String[] parts = payload.split("\\|");
        if (parts.length != 4 || !parts[0].equals(tenant) || !parts[1].equals(slug)) {
            return Check.INVALID;
        }
        Instant shown = Instant.ofEpochMilli(Long.parseLong(parts[2]));
        Duration age = Duration.between(shown, clock.instant());
        int minimum = worked(token, work) ? properties.minSecondsToSubmit() : properties.minSecondsWithoutScript();
        if (age.compareTo(Duration.ofSeconds(minimum)) < 0) {
            return Check.TOO_FAST;
        }
        if (age.compareTo(Duration.ofMinutes(properties.maxFormAgeMinutes())) > 0) {
            return Check.EXPIRED;
        }
        return used.asMap().putIfAbsent(parts[3], Boolean.TRUE) == null ? Check.VALID : Check.USED;
    }

    /** Whether SHA-256(token + ":" + work) starts with {@value #WORK_BITS} zero bits. */
    public static boolean worked(String token, @Nullable String work) {
        if (work == null || work.isEmpty() || work.length() > 20) {
            return false;
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest((token + ":" + work).getBytes(StandardCharsets.UTF_8));
            int bits = 0;
            for (byte b : hash) {
                if (b != 0) {
                    bits += Integer.numberOfLeadingZeros(b & 0xFF) - 24;
                    break;
                }
                bits += 8;
            }
            return bits >= WORK_BITS;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
