package id.fleksi.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.FleksiApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/**
 * Production mode refuses to start while a required setting is missing or a secret is a published default, naming
 * each; development mode is not checked. The application itself is started (and refused) for the whole story; the
 * rules one by one against settings that are otherwise right.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionModeTest {

    /** Settings a production instance could run with. */
    static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(OperatorSettings.PRODUCTION);
        env.setProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/fleksi");
        env.setProperty("spring.datasource.password", "k8#Vq2-long-and-random");
        env.setProperty("fleksi.identity.keycloak-url", "https://login.fleksi.sulbarprov.go.id");
        env.setProperty("fleksi.keycloak-admin.public-web-url", "https://fleksi.sulbarprov.go.id");
        env.setProperty("fleksi.keycloak-admin.username", "fleksi-provisioner");
        env.setProperty("fleksi.keycloak-admin.password", "Zr7!kc-admin-secret");
        env.setProperty("management.server.port", "9090");
        env.setProperty("server.port", "8080");
        return env;
    }

    static List<String> problemsWith(Consumer<MockEnvironment> change) {
        MockEnvironment env = production();
        change.accept(env);
        return ProductionChecks.problems(env);
    }

    @Test
    void settingsWithEverythingGivenAndNoDefaultSecretPass() {
        assertThat(ProductionChecks.problems(production())).isEmpty();
        assertThat(problemsWith(env -> {
                    env.setProperty("fleksi.keycloak-admin.username", "");
                    env.setProperty("fleksi.keycloak-admin.password", "");
                    env.setProperty("fleksi.keycloak-admin.client-secret", "b1c8e0b6-generated-by-keycloak");
                }))
                .as("a service-account client instead of the admin user")
                .isEmpty();
        assertThat(problemsWith(env -> env.setProperty("spring.datasource.password", "")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_DB_PASSWORD is not set");
        assertThat(problemsWith(env -> {
                    env.setProperty("spring.datasource.password", "");
                    env.setProperty(
                            "spring.datasource.url",
                            "jdbc:postgresql://db:5432/fleksi?user=fleksi&password=Qm4-random");
                }))
                .as("the password given in the URL")
                .isEmpty();
    }

    @Test
    void eachMissingSettingIsRefusedByItsName() {
        Map<String, String> missing = Map.of(
                "spring.datasource.url", "FLEKSI_DB_URL is not set",
                "spring.datasource.password", "FLEKSI_DB_PASSWORD is not set",
                "fleksi.identity.keycloak-url", "FLEKSI_KEYCLOAK_URL is not set",
                "fleksi.keycloak-admin.public-web-url", "FLEKSI_PUBLIC_URL is not set",
                "fleksi.keycloak-admin.username", "FLEKSI_KEYCLOAK_ADMIN is not set",
                "fleksi.keycloak-admin.password", "FLEKSI_KEYCLOAK_ADMIN_PASSWORD is not set",
                "management.server.port", "FLEKSI_MANAGEMENT_PORT must differ from FLEKSI_HTTP_PORT");
        missing.forEach((property, problem) -> assertThat(problemsWith(env -> env.setProperty(property, "")))
                .as(property)
                .singleElement()
                .asString()
                .startsWith(problem));
        assertThat(problemsWith(
                        env -> env.setProperty("fleksi.keycloak-database.url", "jdbc:postgresql://db:5432/keycloak")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_KEYCLOAK_DB_PASSWORD is not set, while FLEKSI_KEYCLOAK_DB_URL is");
    }

    @Test
    void eachDefaultSecretIsRefusedByItsName() {
        assertThat(problemsWith(env -> {
                    env.setProperty("fleksi.keycloak-admin.username", "admin");
                    env.setProperty("fleksi.keycloak-admin.password", "admin");
                }))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_KEYCLOAK_ADMIN_PASSWORD is a default password (Keycloak's admin/admin)");
        assertThat(problemsWith(env -> env.setProperty("fleksi.keycloak-admin.password", "fleksi-provisioner")))
                .as("the password is the username")
                .singleElement()
                .asString()
                .startsWith("FLEKSI_KEYCLOAK_ADMIN_PASSWORD is a default password");
        assertThat(problemsWith(env -> env.setProperty("spring.datasource.password", "postgres")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_DB_PASSWORD is a published default password ('postgres')");
        assertThat(problemsWith(env -> {
                    env.setProperty("fleksi.keycloak-database.url", "jdbc:postgresql://db:5432/keycloak");
                    env.setProperty("fleksi.keycloak-database.password", "keycloak");
                }))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_KEYCLOAK_DB_PASSWORD is a published default password");
        assertThat(problemsWith(env -> env.setProperty("FLEKSI_BUNDLE_PASSPHRASE", "changeme")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_BUNDLE_PASSPHRASE is a published default");
        assertThat(problemsWith(env -> env.setProperty("fleksi.demo.seed", "true")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_DEMO=true");
    }

    @Test
    void publicAddressesGoOverTlsExceptOnThisMachine() {
        assertThat(problemsWith(env ->
                        env.setProperty("fleksi.keycloak-admin.public-web-url", "http://fleksi.sulbarprov.go.id")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_PUBLIC_URL=http://fleksi.sulbarprov.go.id is plain http");
        assertThat(problemsWith(env -> env.setProperty("fleksi.identity.keycloak-url", "http://10.0.0.5:8080")))
                .singleElement()
                .asString()
                .startsWith("FLEKSI_KEYCLOAK_URL=http://10.0.0.5:8080 is plain http");
        assertThat(problemsWith(env -> env.setProperty("fleksi.identity.keycloak-url", "http://127.0.0.1:8180")))
                .isEmpty();
    }

    @Test
    void fleksiRefusesToStartInProductionModeNamingEveryProblemInOneMessage(CapturedOutput output) {
        // Empty values on the command line outrank anything the machine's environment may hold.
        assertThatThrownBy(() -> start(
                        "--FLEKSI_MODE=production",
                        "--FLEKSI_DB_URL=",
                        "--FLEKSI_DB_PASSWORD=",
                        "--FLEKSI_KEYCLOAK_URL=",
                        "--FLEKSI_PUBLIC_URL=",
                        "--FLEKSI_KEYCLOAK_ADMIN=admin",
                        "--FLEKSI_KEYCLOAK_ADMIN_PASSWORD=admin",
                        "--FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET=",
                        "--FLEKSI_DEMO=false"))
                .isInstanceOf(SettingsRefused.class)
                .satisfies(
                        refused -> assertThat(((SettingsRefused) refused).problems())
                                .hasSize(5)
                                .anySatisfy(p -> assertThat(p).startsWith("FLEKSI_DB_URL is not set"))
                                .anySatisfy(p -> assertThat(p).startsWith("FLEKSI_DB_PASSWORD is not set"))
                                .anySatisfy(p -> assertThat(p).startsWith("FLEKSI_KEYCLOAK_URL is not set"))
                                .anySatisfy(p -> assertThat(p).startsWith("FLEKSI_PUBLIC_URL is not set"))
                                .anySatisfy(
                                        p -> assertThat(p)
                                                .startsWith(
                                                        "FLEKSI_KEYCLOAK_ADMIN_PASSWORD is a default password (Keycloak's admin/admin)")))
                .hasMessageStartingWith(
                        "Fleksi runs in production mode (FLEKSI_MODE=production) and will not start: 5 settings to fix:\n"
                                + "  - FLEKSI_DB_URL is not set");
        // Spring Boot's start-up failure report: the same list, then what to do.
        assertThat(output.toString())
                .contains(
                        "APPLICATION FAILED TO START",
                        "5 settings to fix",
                        "FLEKSI_PUBLIC_URL is not set",
                        "name it with the variable's name followed by _FILE");
    }

    @Test
    void aModeThatIsNeitherIsRefused() {
        assertThatThrownBy(() -> start("--FLEKSI_MODE=prod"))
                .isInstanceOf(SettingsRefused.class)
                .hasMessageContaining("FLEKSI_MODE=prod is not a mode: say development (the default) or production");
    }

    @Test
    void aSecretIsReadFromTheFileItsFileVariableNames(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("db-password"), "from-a-file\n");
        StandardEnvironment env = environment(Map.of("FLEKSI_DB_PASSWORD_FILE", password.toString()));
        new OperatorSettings().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("FLEKSI_DB_PASSWORD")).isEqualTo("from-a-file");

        StandardEnvironment both =
                environment(Map.of("FLEKSI_DB_PASSWORD_FILE", password.toString(), "FLEKSI_DB_PASSWORD", "x"));
        assertThatThrownBy(() -> new OperatorSettings().postProcessEnvironment(both, new SpringApplication()))
                .isInstanceOf(SettingsRefused.class)
                .hasMessageContaining("FLEKSI_DB_PASSWORD and FLEKSI_DB_PASSWORD_FILE are both set; keep one");
        StandardEnvironment missing = environment(Map.of(
                "FLEKSI_KEYCLOAK_ADMIN_PASSWORD_FILE", dir.resolve("nothing").toString()));
        assertThatThrownBy(() -> new OperatorSettings().postProcessEnvironment(missing, new SpringApplication()))
                .isInstanceOf(SettingsRefused.class)
                .hasMessageContaining(
                        "FLEKSI_KEYCLOAK_ADMIN_PASSWORD_FILE=" + dir.resolve("nothing") + ": the file cannot be read")
                .hasMessageNotContaining("from-a-file");
    }

    @Test
    void aDirectoryOfSecretsGivesASettingPerFileAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("FLEKSI_KEYCLOAK_ADMIN_PASSWORD"), "mounted-secret\n");
        Files.writeString(dir.resolve("FLEKSI_DB_PASSWORD"), "from-the-directory");
        StandardEnvironment env =
                environment(Map.of(OperatorSettings.SECRETS_DIR, dir.toString(), "FLEKSI_DB_PASSWORD", "given"));
        new OperatorSettings().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("FLEKSI_KEYCLOAK_ADMIN_PASSWORD")).isEqualTo("mounted-secret");
        assertThat(env.getProperty("FLEKSI_DB_PASSWORD")).isEqualTo("given");
    }

    /** An environment whose "system environment" holds these variables (the machine's own are left out). */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return env;
    }

    private static void start(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.add("--spring.main.banner-mode=off");
        new SpringApplicationBuilder(FleksiApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))
                .close();
    }
}
