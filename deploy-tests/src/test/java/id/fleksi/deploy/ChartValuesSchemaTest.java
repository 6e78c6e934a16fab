package id.fleksi.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that would make a fragile or unsafe release are refused before anything reaches the cluster, by
 * values.schema.json (Helm checks it on lint, template, install and upgrade) or, for a rule between two values,
 * by the template, each with a message naming the value and what it must be.
 */
class ChartValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(
                        "external-database.yaml",
                        Map.of("replicaCount", "1"),
                        "at '/replicaCount': minimum: got 1, want 2"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("autoscaling.minReplicas", "1"),
                        "at '/autoscaling/minReplicas': minimum: got 1, want 2"),
                Arguments.of(
                        "cloudnative-pg.yaml",
                        Map.of("database.cnpg.pooler.poolMode", "transaction"),
                        "at '/database/cnpg/pooler/poolMode': value must be 'session'"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("keycloak.mode", "operator"),
                        "at '/database/mode': value must be 'cnpg'"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("database.mode", "sqlite"),
                        "at '/database/mode': value must be one of 'external', 'cnpg'"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("database.external.url", "postgres://db/fleksi"),
                        "at '/database/external/url': 'postgres://db/fleksi' does not match pattern"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("publicUrl", "fleksi.example.go.id"),
                        "at '/publicUrl': 'fleksi.example.go.id' does not match pattern"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("securityContext.readOnlyRootFilesystem", "false"),
                        "at '/securityContext/readOnlyRootFilesystem': value must be true"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("podSecurityContext.runAsNonRoot", "false"),
                        "at '/podSecurityContext/runAsNonRoot': value must be true"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("resources.limits.memory", "null"),
                        "at '/resources/limits': missing property 'memory'"),
                Arguments.of(
                        "external-database.yaml",
                        Map.of("replicas", "3"),
                        "additional properties 'replicas' not allowed"),
                Arguments.of(
                        "cloudnative-pg.yaml",
                        Map.of("database.cnpg.instances", "1"),
                        "at '/database/cnpg/instances': minimum: got 1, want 2"),
                Arguments.of(
                        "cloudnative-pg.yaml",
                        Map.of("settings.dbPoolSize", "20"),
                        "database.cnpg.pooler.defaultPoolSize is 80, but in session mode every pooled connection of"
                                + " every replica holds a server connection: it must be at least autoscaling.maxReplicas x"
                                + " settings.dbPoolSize = 120"),
                Arguments.of(
                        "cloudnative-pg.yaml",
                        Map.of("database.cnpg.backup.destinationPath", ""),
                        "database.cnpg.backup.destinationPath is required when backups are on"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void aBadValueIsRefusedWithAMessageNamingIt(String values, Map<String, String> sets, String message) {
        assertThatThrownBy(() -> RenderedChart.of(values, sets)).hasMessageContaining(message);
    }
}
