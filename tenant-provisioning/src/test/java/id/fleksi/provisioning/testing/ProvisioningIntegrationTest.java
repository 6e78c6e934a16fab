package id.fleksi.provisioning.testing;

import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Fleksi on a random port against this run's PostgreSQL database and the real test Keycloak, with a
 * platform realm of its own. Tenants a test makes are removed after it: realm, schema and row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProvisioningIntegrationTest {

    protected static final String PLATFORM_REALM = TestRealms.unique("platform");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("fleksi.identity.platform-realm", () -> PLATFORM_REALM);
    }

    @Autowired
    protected RealmProvisioner realms;

    @Autowired
    protected RealmUsers realmUsers;

    @Autowired
    protected JdbcClient jdbc;

    @LocalServerPort
    protected int port;

    private final List<String> realmsToRemove = new ArrayList<>();
    private final List<String> tenantsToRemove = new ArrayList<>();
    private static boolean platformRealmMade;

    protected synchronized String operatorToken() {
        if (!platformRealmMade) {
            TestRealms.createPlatformRealm(realms, PLATFORM_REALM);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> TestRealms.admin().realm(PLATFORM_REALM).remove()));
            platformRealmMade = true;
        }
        return TestRealms.token(PLATFORM_REALM, "operator");
    }

    protected RestClient api(String token) {
        RestClient.Builder builder = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {});
        if (token != null) {
            builder.defaultHeader("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** Remembers a tenant (or bare realm) to remove after the test. */
    protected String removeAfter(String code) {
        tenantsToRemove.add(code);
        return code;
    }

    protected String removeRealmAfter(String realm) {
        realmsToRemove.add(realm);
        return realm;
    }

    protected boolean schemaExists(String code) {
        return jdbc.sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(TenantCode.of(code).schemaName())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    protected boolean rowExists(String code) {
        return jdbc.sql("select count(*) from platform.tenant where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @AfterEach
    void removeTenants() {
        java.util.Collections.reverse(tenantsToRemove);
        for (String code : tenantsToRemove) {
            TestRealms.removeTenant(realms, jdbc, code);
        }
        realmsToRemove.forEach(realms::deleteRealm);
        tenantsToRemove.clear();
        realmsToRemove.clear();
    }
}
