package id.fleksi.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one person and one tenant may send ({@code fleksi.rate-limit.*}). A real morning never comes
 * near them: an ASN checks in with one or two requests (a phone's offline queue sends perhaps twenty at once), a
 * supervisor approves a whole team in one; a tenant of 50,000 ASN checking in over half an hour sends about 30 a
 * second. A script hammering the API meets them within a second or two.
 *
 * @param enabled                 off only for tests that send thousands of requests as one person on purpose
 * @param perUserBurst            requests one person may send at once
 * @param perUserPerMinute        and then per minute
 * @param writesPerUserBurst      of which writes (POST, PUT, PATCH, DELETE) at once
 * @param writesPerUserPerMinute  and then per minute
 * @param perTenantBurst          requests all of a tenant's people may send at once
 * @param perTenantPerSecond      and then per second
 */
@ConfigurationProperties("fleksi.rate-limit")
public record RateLimitProperties(
        Boolean enabled,
        Integer perUserBurst,
        Integer perUserPerMinute,
        Integer writesPerUserBurst,
        Integer writesPerUserPerMinute,
        Integer perTenantBurst,
        Integer perTenantPerSecond) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perUserBurst = perUserBurst == null ? 120 : perUserBurst;
        perUserPerMinute = perUserPerMinute == null ? 120 : perUserPerMinute;
        writesPerUserBurst = writesPerUserBurst == null ? 30 : writesPerUserBurst;
        writesPerUserPerMinute = writesPerUserPerMinute == null ? 30 : writesPerUserPerMinute;
        perTenantBurst = perTenantBurst == null ? 5_000 : perTenantBurst;
        perTenantPerSecond = perTenantPerSecond == null ? 1_000 : perTenantPerSecond;
    }
}
