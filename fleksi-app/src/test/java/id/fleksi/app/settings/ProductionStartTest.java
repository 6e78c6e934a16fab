package id.fleksi.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.FleksiApplication;
import id.fleksi.app.cli.FleksiCli;
import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.TestRealms;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Production mode with everything given: the operator migrates and onboards a tenant from the command line, then
 * Fleksi starts without migrating and serves it. Settings from the environment alone (nothing a laptop would default),
 * Keycloak reached through a service-account client (no admin/admin), the actuator on its own port only, JSON logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    private final String clientId = TestRealms.unique("fleksi-provisioner-");
    private String clientUuid;

    private final String code = TestRealms.unique("produksi");

    @AfterEach
    void remove() throws Exception {
        if (clientUuid != null) {
            TestRealms.admin().realm("master").clients().get(clientUuid).remove();
        }
        if (TestRealms.admin().realms().findAll().stream()
                .anyMatch(realm -> realm.getRealm().equals(code))) {
            TestRealms.admin().realm(code).remove();
        }
        try (var connection = TestDatabase.get().connect(TestDatabase.get().database());
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists tenant_" + code + " cascade");
            statement.execute("delete from platform.module_availability where tenant_code = '" + code + "'");
            statement.execute("delete from platform.tenant where code = '" + code + "'");
        }
    }

    @Test
    void inProductionModeTheOperatorMigratesAndOnboardsATenantAndFleksiServesIt(CapturedOutput output)
            throws Exception {
        String secret = UUID.randomUUID().toString();
        serviceAccount(secret);
        PostgresServer db = TestDatabase.get();
        // As the operator's shell has them: variables (here system properties of the same names), nothing on the
        // command line.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("FLEKSI_MODE", "production");
        settings.put("FLEKSI_DB_URL", db.jdbcUrl());
        settings.put("FLEKSI_DB_USER", db.user());
        // The test server trusts loopback logins: any password passes, and production mode wants one.
        settings.put(
                "FLEKSI_DB_PASSWORD", db.password().orElse(UUID.randomUUID().toString()));
        settings.put("FLEKSI_KEYCLOAK_URL", TestKeycloak.url());
        settings.put("FLEKSI_KEYCLOAK_ADMIN_CLIENT_ID", clientId);
        settings.put("FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET", secret);
        settings.put("FLEKSI_PUBLIC_URL", "http://127.0.0.1:18080");
        settings.put("FLEKSI_HTTP_PORT", "0");
        settings.put("FLEKSI_MANAGEMENT_PORT", "0");
        settings.put("FLEKSI_MIGRATE_ON_STARTUP", "false");
        settings.forEach(System::setProperty);
        try {
            assertThat(FleksiCli.run(new String[] {"migrate"})).isZero();
            assertThat(FleksiCli.run(new String[] {
                        "tenant",
                        "create",
                        "--code",
                        code,
                        "--name",
                        "Kabupaten Produksi",
                        "--kind",
                        "KABUPATEN",
                        "--region",
                        "76.06",
                        "--tz",
                        "WITA"
                    }))
                    .isZero();
            assertThat(output.toString()).contains("first admin: admin  one-time password: ");

            try (ConfigurableApplicationContext fleksi = new SpringApplicationBuilder(FleksiApplication.class)
                    .run("--fleksi.jobs.enabled=false", "--spring.main.banner-mode=off")) {
                String port = fleksi.getEnvironment().getProperty("local.server.port");
                String managementPort = fleksi.getEnvironment().getProperty("local.management.port");
                RestClient client = RestClient.builder()
                        .defaultStatusHandler(status -> true, (request, response) -> {})
                        .build();

                ResponseEntity<Map> ready = client.get()
                        .uri("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")
                        .retrieve()
                        .toEntity(Map.class);
                ResponseEntity<String> publicHealth = client.get()
                        .uri("http://127.0.0.1:" + port + "/actuator/health")
                        .retrieve()
                        .toEntity(String.class);
                ResponseEntity<String> readyz = client.get()
                        .uri("http://127.0.0.1:" + port + "/readyz")
                        .retrieve()
                        .toEntity(String.class);
                HttpResponse<Void> login = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + port + "/oauth2/authorization/" + code))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());

                assertThat(managementPort).isNotEqualTo(port);
                assertThat(ready.getStatusCode().value()).isEqualTo(200);
                assertThat(ready.getBody()).containsEntry("status", "UP");
                assertThat(publicHealth.getStatusCode().value()).isEqualTo(404);
                assertThat(readyz.getStatusCode().value()).isEqualTo(200);
                // The new tenant is served: its login goes to its realm at Keycloak's public address.
                assertThat(login.statusCode()).isEqualTo(302);
                assertThat(login.headers().firstValue("Location"))
                        .get()
                        .asString()
                        .startsWith(TestKeycloak.url() + "/realms/" + code + "/protocol/openid-connect/auth?");
                // Its realm sends logins back only to Fleksi's public address.
                assertThat(TestRealms.admin().realm(code).clients().findByClientId("fleksi-web"))
                        .singleElement()
                        .satisfies(
                                web -> assertThat(web.getRedirectUris()).containsExactly("http://127.0.0.1:18080/*"));
                assertThat(fleksi.getEnvironment().getProperty("spring.datasource.url"))
                        .isEqualTo(db.jdbcUrl());
                // JSON lines (the "Started ..." line names the test runner's class here, FleksiApplication under java
                // -jar).
                assertThat(output.toString().lines().filter(line -> line.contains("\"message\":\"Started ")))
                        .singleElement()
                        .satisfies(
                                line -> assertThat(line).startsWith("{").contains("\"service\":{\"name\":\"fleksi\""));
            }
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    /** A confidential client of the master realm with a service account that may administer realms. */
    private void serviceAccount(String secret) {
        RealmResource master = TestRealms.admin().realm("master");
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setSecret(secret);
        try (Response created = master.clients().create(client)) {
            clientUuid = CreatedResponseUtil.getCreatedId(created);
        }
        String account =
                master.clients().get(clientUuid).getServiceAccountUser().getId();
        master.users()
                .get(account)
                .roles()
                .realmLevel()
                .add(List.of(master.roles().get("admin").toRepresentation()));
    }
}
