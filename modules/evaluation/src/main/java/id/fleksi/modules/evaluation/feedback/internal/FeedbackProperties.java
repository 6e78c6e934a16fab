package id.fleksi.modules.evaluation.feedback.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the public feedback form defends itself ({@code fleksi.feedback.*}). A citizen rates once, perhaps twice for two
 * services; a counter that serves a hundred people a day sees perhaps a few dozen ratings. A script meets the limits at
 * once.
 *
 * @param formKey              the key that signs each form (HMAC-SHA256); empty: a random key per instance, so with
 *                             several replicas set the same key on each ({@code FLEKSI_FEEDBACK_FORM_KEY})
 * @param minSecondsToSubmit   a form sent sooner after it was shown was not filled in by a person
 * @param minSecondsWithoutScript the same for a form sent without the page's small proof of work (no JavaScript, or a
 *                             script posting forms): slowed harder
 * @param maxFormAgeMinutes    a form older than this is refused (shown again, fresh)
 * @param pagesPerAddressPerMinute public pages one address may open per minute (and at once)
 * @param perAddressBurst      ratings one address may send at once, per pemda
 * @param perAddressPerHour    and then per hour
 * @param perServiceBurst      ratings one service may receive at once, from everyone
 * @param perServicePerHour    and then per hour
 */
@ConfigurationProperties("fleksi.feedback")
public record FeedbackProperties(
        @Nullable String formKey,
        Integer minSecondsToSubmit,
        Integer minSecondsWithoutScript,
        Integer maxFormAgeMinutes,
        Integer pagesPerAddressPerMinute,
        Integer perAddressBurst,
        Integer perAddressPerHour,
        Integer perServiceBurst,
        Integer perServicePerHour) {

    public FeedbackProperties {
        formKey = formKey == null ? "" : formKey;
        minSecondsToSubmit = minSecondsToSubmit == null ? 3 : minSecondsToSubmit;
        minSecondsWithoutScript = minSecondsWithoutScript == null ? 10 : minSecondsWithoutScript;
        maxFormAgeMinutes = maxFormAgeMinutes == null ? 120 : maxFormAgeMinutes;
        pagesPerAddressPerMinute = pagesPerAddressPerMinute == null ? 30 : pagesPerAddressPerMinute;
        perAddressBurst = perAddressBurst == null ? 5 : perAddressBurst;
        perAddressPerHour = perAddressPerHour == null ? 10 : perAddressPerHour;
        perServiceBurst = perServiceBurst == null ? 60 : perServiceBurst;
        perServicePerHour = perServicePerHour == null ? 120 : perServicePerHour;
    }
}
