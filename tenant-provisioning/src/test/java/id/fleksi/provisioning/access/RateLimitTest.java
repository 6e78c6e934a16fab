package id.fleksi.provisioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A burst of a few hundred requests from one person meets the limits within a second or two (429, Retry-After, a
 * problem), writes sooner than reads; the person next to them is not slowed at all.
 */
class RateLimitTest extends ProvisioningIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Test
    void aBurstFromOnePersonIsAnswered429WithRetryAfterWhileOthersGoOn() {
        String code = removeAfter(TestRealms.unique("cepat"));
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Cepat", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "penyerbu", Role.BKD);
        TestRealms.addUser(realmUsers, code, "tetangga", Role.BKD);
        RestClient hammer = api(TestRealms.token(code, "penyerbu"));
        String units = "/api/v1/t/" + code + "/units";

        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            reads.add(hammer.get()
                    .uri(units)
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value());
        }
        assertThat(reads.subList(0, 120)).as("a real morning's worth passes").doesNotContain(429);
        assertThat(reads.stream().filter(status -> status == 429).count())
                .as("the rest of the burst is refused")
                .isGreaterThan(100);

        ResponseEntity<Map> refused = hammer.get().uri(units).retrieve().toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeaders().getFirst("Retry-After")))
                .isBetween(1, 60);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).containsEntry("type", "urn:fleksi:problem:too-many-requests");

        RestClient neighbour = api(TestRealms.token(code, "tetangga"));
        assertThat(neighbour
                        .get()
                        .uri(units)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        List<Integer> writes = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            writes.add(neighbour
                    .post()
                    .uri(units)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", "bad code"))
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value());
        }
        assertThat(writes.subList(0, 30))
                .as("refused as invalid, not as too many")
                .containsOnly(400);
        assertThat(writes.subList(30, 45)).contains(429);
    }
}
