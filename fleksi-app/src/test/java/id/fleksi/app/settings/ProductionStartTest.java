package id.fleksi.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.fleksi.FleksiApplication;
import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.testing.TestRealms;

import jakarta.ws.rs.core.Response;

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
 * Production mode with everything given starts and serves: settings from the environment alone (nothing a laptop
 * would default), Keycloak reached through a service-account client, the actuator on its own port only, JSON logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    private final String clientId = TestRealms.unique("fleksi-provisioner-");
    private String clientUuid;

    @AfterEach
    void removeClient() {
        if (clientUuid != null) {
            TestRealms.admin().realm("master").clients().get(clientUuid).remove();
        }
    }

    @Test
    void fleksiStartsInProductionModeWithEveryRequiredSettingAndNoDefaultSecret(CapturedOutput output) {
        String secret = UUID.randomUUID().toString();
        serviceAccount(secret);
        PostgresServer db = TestDatabase.get();
        try (ConfigurableApplicationContext fleksi = new SpringApplicationBuilder(FleksiApplication.class).run(
                "--FLEKSI_MODE=production",
                "--FLEKSI_DB_URL=" + db.jdbcUrl(), "--FLEKSI_DB_USER=" + db.user(),
                // The test server trusts loopback logins: any password passes, and production mode wants one.
                "--FLEKSI_DB_PASSWORD=" + db.password().orElse(UUID.randomUUID().toString()),
                "--FLEKSI_KEYCLOAK_URL=" + TestKeycloak.url(), "--FLEKSI_KEYCLOAK_ADMIN_CLIENT_ID=" + clientId,
                "--FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET=" + secret, "--FLEKSI_KEYCLOAK_ADMIN=", "--FLEKSI_KEYCLOAK_ADMIN_PASSWORD=",
                "--FLEKSI_PUBLIC_URL=http://127.0.0.1:18080", "--FLEKSI_HTTP_PORT=0", "--FLEKSI_MANAGEMENT_PORT=0",
                "--fleksi.jobs.enabled=false", "--spring.main.banner-mode=off")) {
            String port = fleksi.getEnvironment().getProperty("local.server.port");
            String managementPort = fleksi.getEnvironment().getProperty("local.management.port");
            RestClient client = RestClient.builder().defaultStatusHandler(status -> true, (request, response) -> { }).build();

            ResponseEntity<Map> ready = client.get().uri("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")
                    .retrieve().toEntity(Map.class);
            ResponseEntity<String> publicHealth = client.get().uri("http://127.0.0.1:" + port + "/actuator/health")
                    .retrieve().toEntity(String.class);
            ResponseEntity<String> readyz = client.get().uri("http://127.0.0.1:" + port + "/readyz").retrieve().toEntity(String.class);

            assertThat(managementPort).isNotEqualTo(port);
            assertThat(ready.getStatusCode().value()).isEqualTo(200);
            assertThat(ready.getBody()).containsEntry("status", "UP");
            assertThat(publicHealth.getStatusCode().value()).isEqualTo(404);
            assertThat(readyz.getStatusCode().value()).isEqualTo(200);
            // The admin API as the service account: no admin/admin anywhere.
            assertThat(fleksi.getBean(RealmProvisioner.class).realmExists("master")).isTrue();
            assertThat(fleksi.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(db.jdbcUrl());
            // JSON lines (the "Started ..." line names the test runner's class here, FleksiApplication under java -jar).
            assertThat(output.toString().lines().filter(line -> line.contains("\"message\":\"Started ")))
                    .singleElement().satisfies(line -> assertThat(line).startsWith("{").contains("\"service\":{\"name\":\"fleksi\""));
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
        String account = master.clients().get(clientUuid).getServiceAccountUser().getId();
        master.users().get(account).roles().realmLevel().add(List.of(master.roles().get("admin").toRepresentation()));
    }
}
