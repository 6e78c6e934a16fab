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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * One connection pool, three tenants, thousands of concurrent requests: each request writes a visit of its
 * caller in its tenant's schema and reads its tenant's users. A connection that kept another tenant's schema
 * would show as a foreign user in a response, or as a visit counted in the wrong schema. Each user sends 200 requests in
 * seconds on purpose, far past the rate limits (RateLimitTest), which are off here.
 */
@org.springframework.test.context.TestPropertySource(properties = "fleksi.rate-limit.enabled=false")
class PoolContaminationTest extends ProvisioningIntegrationTest {

    private static final int TENANTS = 3;
    private static final int USERS_PER_TENANT = 4;
    private static final int THREADS = 16;
    private static final int REQUESTS = 2_400;

    @Autowired
    TenantOnboarding onboarding;

    @Test
    void concurrentRequestsOverThreeTenantsOnlyEverSeeTheirOwnTenantsRows() throws Exception {
        List<String> tenants = new ArrayList<>();
        Map<String, List<String>> tokens = new HashMap<>();
        for (int t = 0; t < TENANTS; t++) {
            String code = removeAfter(TestRealms.unique("pool"));
            onboarding.onboard(
                    new NewTenant(code, "Pool " + t, TenantKind.KOTA, null, "76.0" + (t + 1), RegionTimeZone.WITA));
            TestRealms.addTestClient(code, "fleksi-api");
            List<String> tenantTokens = new ArrayList<>();
            for (int u = 0; u < USERS_PER_TENANT; u++) {
                TestRealms.addUser(realmUsers, code, code + "-u" + u, Role.ASN, Role.TENANT_ADMIN);
                tenantTokens.add(TestRealms.token(code, code + "-u" + u));
            }
            tenants.add(code);
            tokens.put(code, tenantTokens);
        }
        RestClient client = api(null);
        Map<String, AtomicLong> visitsSent = new ConcurrentHashMap<>();
        tenants.forEach(code -> visitsSent.put(code, new AtomicLong()));
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            final int n = i;
            futures.add(pool.submit(() -> {
                String code = tenants.get(n % TENANTS);
                String token = tokens.get(code).get((n / TENANTS) % USERS_PER_TENANT);
                boolean write = (n / 7) % 2 == 0;
                ResponseEntity<Object> response = client.get()
                        .uri("/api/v1/t/" + code + (write ? "/me" : "/users"))
                        .header("Authorization", "Bearer " + token)
                        .retrieve()
                        .toEntity(Object.class);
                if (response.getStatusCode() != HttpStatus.OK) {
                    wrong.add(code + " answered " + response.getStatusCode());
                    return;
                }
                if (write) {
                    visitsSent.get(code).incrementAndGet();
                    Map<String, Object> me = (Map<String, Object>) response.getBody();
                    if (!code.equals(me.get("tenant"))) {
                        wrong.add(code + " /me answered tenant " + me.get("tenant"));
                    }
                } else {
                    for (Map<String, Object> user : (List<Map<String, Object>>) response.getBody()) {
                        if (!((String) user.get("username")).startsWith(code + "-")) {
                            wrong.add(code + " /users listed " + user.get("username"));
                        }
                    }
                }
                ok.incrementAndGet();
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(wrong).isEmpty();
        assertThat(ok.get()).isEqualTo(REQUESTS);
        for (String code : tenants) {
            List<String> stored = jdbc.sql("select username from tenant_" + code + ".app_user")
                    .query(String.class)
                    .list();
            assertThat(stored).isNotEmpty().allMatch(username -> username.startsWith(code + "-"));
            long visits = jdbc.sql("select coalesce(sum(visits), 0) from tenant_" + code + ".app_user")
                    .query(Long.class)
                    .single();
            assertThat(visits)
                    .as("visits stored in %s's schema", code)
                    .isEqualTo(visitsSent.get(code).get());
        }
    }
}
