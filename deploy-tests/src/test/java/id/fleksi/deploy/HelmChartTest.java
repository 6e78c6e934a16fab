package id.fleksi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart lints, renders for each kind of installation, and what it renders keeps the rules operators rely on. */
class HelmChartTest {

    static final String CNPG = "postgresql.cnpg.io/v1";

    static Stream<Arguments> installations() {
        return Stream.of(
                Arguments.of("external-database.yaml"),
                Arguments.of("cloudnative-pg.yaml"),
                Arguments.of("keycloak-operator.yaml"),
                Arguments.of("ingress-off.yaml"));
    }

    @Test
    void theChartLintsStrictly() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    }

    @Test
    void theDefaultValuesRenderTheApplicationItsBudgetsItsPolicyAndTheMigrationHook() {
        RenderedChart chart = RenderedChart.of("external-database.yaml", Map.of());

        assertThat(chart.kinds())
                .containsExactlyInAnyOrder(
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "ServiceAccount",
                        "ConfigMap",
                        "Service",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "Ingress");
        assertThat(chart.migrationJob()).isNotNull();
        assertThat(chart.all(GenericKubernetesResource.class))
                .as("no operator's resource by default")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installations")
    void everyManifestParsesAsItsKind(String values) {
        RenderedChart chart = RenderedChart.of(values, Map.of());

        for (HasMetadata manifest : chart.manifests()) {
            assertThat(manifest.getApiVersion())
                    .as("apiVersion of %s", manifest.getKind())
                    .isNotBlank();
            assertThat(manifest.getMetadata().getName())
                    .as("name of %s", manifest.getKind())
                    .isNotBlank();
            if (!(manifest instanceof GenericKubernetesResource)) {
                // A built-in kind parsed as its own class: fabric8 knows it by apiVersion and kind, and every field
                // the chart wrote is one of that kind's (fabric8 keeps an unknown one aside instead of refusing it).
                assertThat(manifest.getClass().getSimpleName()).isEqualTo(manifest.getKind());
                assertThat(UnknownFields.in(manifest))
                        .as("fields %s does not know", manifest.getKind())
                        .isEmpty();
            }
            assertThat(manifest.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/instance", "fleksi");
        }
        assertThat(chart.migrationJob().getKind()).isEqualTo("Job");
        assertThat(UnknownFields.in(chart.migrationJob()))
                .as("fields a Job does not know")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installations")
    void theApplicationRunsAsASecureReplicatedServiceWithProbesAndResources(String values) {
        RenderedChart chart = RenderedChart.of(values, Map.of());
        Deployment deployment = chart.one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container fleksi = pod.getContainers().get(0);

        int replicas = deployment.getSpec().getReplicas();
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        chart.all(HorizontalPodAutoscaler.class).forEach(hpa -> {
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getScaleTargetRef().getName())
                    .isEqualTo(deployment.getMetadata().getName());
        });
        assertThat(deployment
                        .getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isZero();

        assertThat(fleksi.getArgs()).as("the image's entrypoint serves").isNullOrEmpty();
        assertThat(fleksi.getCommand()).isNullOrEmpty();
        assertProbe(fleksi.getStartupProbe(), "/actuator/health/liveness");
        assertProbe(fleksi.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(fleksi.getReadinessProbe(), "/actuator/health/readiness");
        assertThat(fleksi.getStartupProbe().getFailureThreshold()
                        * fleksi.getStartupProbe().getPeriodSeconds())
                .as("seconds a start may take")
                .isGreaterThanOrEqualTo(120);

        assertThat(fleksi.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(fleksi.getResources().getLimits()).containsKey("memory");

        assertRestricted(pod, fleksi);
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getTopologySpreadConstraints())
                .extracting(c -> c.getTopologyKey())
                .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        assertThat(fleksi.getLifecycle().getPreStop().getSleep().getSeconds()).isPositive();

        Map<String, String> podLabels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels)
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels)
                .containsAllEntriesOf(chart.one(Service.class).getSpec().getSelector());
        PodDisruptionBudget budget = chart.one(PodDisruptionBudget.class);
        assertThat(podLabels)
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isLessThan(replicas);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installations")
    void theMigrationRunsTheSameImagesMigrateCommandBeforeTheNewPods(String values) {
        RenderedChart chart = RenderedChart.of(values, Map.of());
        Deployment deployment = chart.one(Deployment.class);
        Job job = chart.migrationJob();
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        List<String> events = List.of(annotations.get("helm.sh/hook").split(","));

        // Helm runs pre-upgrade hooks, and waits for them, before it applies the new Deployment: the new pods start on
        // migrated schemas, and a failed migration stops the upgrade with the old pods serving.
        assertThat(events).contains("pre-upgrade");
        if (values.equals("external-database.yaml") || values.equals("ingress-off.yaml")) {
            assertThat(events).contains("pre-install");
        } else {
            // The chart makes the database itself: it cannot exist before the release's first resources.
            assertThat(events).contains("post-install").doesNotContain("pre-install");
        }
        assertThat(Integer.parseInt(annotations.get("helm.sh/hook-weight"))).isNegative();
        assertThat(annotations.get("helm.sh/hook-delete-policy"))
                .contains("before-hook-creation")
                .doesNotContain("hook-failed");
        assertThat(deployment.getMetadata().getAnnotations())
                .as("the Deployment is no hook")
                .satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a).doesNotContainKey("helm.sh/hook"));
        chart.manifests()
                .forEach(manifest -> assertThat(manifest.getMetadata().getAnnotations())
                        .as("%s is no hook", manifest.getKind())
                        .satisfiesAnyOf(
                                a -> assertThat(a).isNull(), a -> assertThat(a).doesNotContainKey("helm.sh/hook")));

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container migrate = pod.getContainers().get(0);
        Container fleksi =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(migrate.getImage()).isEqualTo(fleksi.getImage());
        assertThat(migrate.getCommand()).as("the image's own entrypoint").isNullOrEmpty();
        assertThat(migrate.getArgs()).containsExactly("migrate");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
        assertRestricted(pod, migrate);

        Map<String, EnvVar> env = byName(migrate.getEnv());
        assertThat(env.get("FLEKSI_DB_URL").getValue()).startsWith("jdbc:postgresql://");
        assertThat(env.get("FLEKSI_DB_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo(byName(fleksi.getEnv())
                        .get("FLEKSI_DB_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName());
        assertThat(env.get("FLEKSI_KEYCLOAK_URL").getValue()).startsWith("https://");
    }

    @Test
    void cloudNativePgMakesThreeInstancesBackedUpToObjectStorageBehindASessionModePooler() {
        RenderedChart chart = RenderedChart.of("cloudnative-pg.yaml", Map.of());

        GenericKubernetesResource cluster = single(chart.custom(CNPG, "Cluster"));
        assertThat((Integer) cluster.get("spec", "instances")).isEqualTo(3);
        assertThat((String) cluster.get("spec", "backup", "barmanObjectStore", "destinationPath"))
                .isEqualTo("s3://fleksi-backups/sulbar");
        assertThat((String) cluster.get("spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyId", "name"))
                .isNotBlank();
        assertThat((String) cluster.get("spec", "bootstrap", "initdb", "database"))
                .isEqualTo("fleksi");
        assertThat(single(chart.custom(CNPG, "ScheduledBackup")).<String>get("spec", "cluster", "name"))
                .isEqualTo(cluster.getMetadata().getName());

        GenericKubernetesResource pooler = single(chart.custom(CNPG, "Pooler"));
        assertThat((String) pooler.get("spec", "pgbouncer", "poolMode")).isEqualTo("session");
        assertThat((String) pooler.get("spec", "cluster", "name"))
                .isEqualTo(cluster.getMetadata().getName());

        // The pods go through the pooler; the migration straight to the primary.
        Map<String, String> settings = chart.all(io.fabric8.kubernetes.api.model.ConfigMap.class)
                .get(0)
                .getData();
        assertThat(settings.get("FLEKSI_DB_URL"))
                .contains("//" + pooler.getMetadata().getName() + ":5432/fleksi");
        assertThat(byName(chart.migrationJob()
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getEnv())
                        .get("FLEKSI_DB_URL")
                        .getValue())
                .contains("//" + cluster.getMetadata().getName() + "-rw:5432/fleksi");
        assertThat(byName(chart.one(Deployment.class)
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getEnv())
                        .get("FLEKSI_DB_USER")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo(cluster.getMetadata().getName() + "-app");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKeycloakOperatorsKeycloakHasItsOwnDatabaseOnTheSameCluster() {
        RenderedChart chart = RenderedChart.of("keycloak-operator.yaml", Map.of());
        GenericKubernetesResource cluster = single(chart.custom(CNPG, "Cluster"));
        GenericKubernetesResource keycloak = single(chart.custom("k8s.keycloak.org/v2alpha1", "Keycloak"));
        GenericKubernetesResource database = single(chart.custom(CNPG, "Database"));

        assertThat((String) keycloak.get("spec", "db", "host"))
                .isEqualTo(cluster.getMetadata().getName() + "-rw");
        assertThat((String) keycloak.get("spec", "db", "database")).isEqualTo(database.<String>get("spec", "name"));
        assertThat((String) database.get("spec", "cluster", "name"))
                .isEqualTo(cluster.getMetadata().getName());
        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        assertThat(roles)
                .extracting(role -> role.get("name"))
                .containsExactly(database.<String>get("spec", "owner"), "keycloak_reader");
        // The bundle export reads realm users' password hashes from Keycloak's database, with a read-only role.
        assertThat(roles.get(1).get("inRoles")).isEqualTo(List.of("pg_read_all_data"));
        assertThat((String) keycloak.get("spec", "hostname", "hostname"))
                .isEqualTo("https://login.sulbar.example.go.id");

        Map<String, String> settings = chart.all(io.fabric8.kubernetes.api.model.ConfigMap.class)
                .get(0)
                .getData();
        assertThat(settings.get("FLEKSI_KEYCLOAK_URL")).isEqualTo("https://login.sulbar.example.go.id");
        assertThat(settings.get("FLEKSI_KEYCLOAK_DB_URL"))
                .isEqualTo("jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432/keycloak");
        Container fleksi = chart.one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(byName(fleksi.getEnv())
                        .get("FLEKSI_KEYCLOAK_ADMIN_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo(keycloak.getMetadata().getName() + "-initial-admin");
        assertThat(byName(fleksi.getEnv())
                        .get("FLEKSI_KEYCLOAK_DB_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo(((List<Map<String, Map<String, String>>>) (List<?>) roles)
                        .get(1)
                        .get("passwordSecret")
                        .get("name"));
        Ingress ingress = chart.one(Ingress.class);
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).contains("login.sulbar.example.go.id");

        GenericKubernetesResource monitor = single(chart.custom("monitoring.coreos.com/v1", "ServiceMonitor"));
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints.get(0)).containsEntry("port", "management");
        assertThat(fleksi.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("management");
    }

    @Test
    void fleksiRunsInProductionModeWithItsActuatorOnTheManagementPortTheProbesUse() {
        RenderedChart chart = RenderedChart.of("external-database.yaml", Map.of());
        Map<String, String> settings = chart.all(io.fabric8.kubernetes.api.model.ConfigMap.class)
                .get(0)
                .getData();
        assertThat(settings)
                .containsEntry("FLEKSI_MODE", "production")
                .containsEntry("FLEKSI_MANAGEMENT_PORT", "8081")
                .containsEntry("FLEKSI_HTTP_PORT", "8080")
                .doesNotContainKey("MANAGEMENT_SERVER_PORT");
        Container fleksi = chart.one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(fleksi.getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactlyInAnyOrder("http:8080", "management:8081");
        assertThat(List.of(fleksi.getStartupProbe(), fleksi.getLivenessProbe(), fleksi.getReadinessProbe()))
                .allSatisfy(probe ->
                        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
    }

    @Test
    void theNetworkPolicyLetsInOnlyTheIngressAndLetsOutOnlyDnsTheDatabaseAndKeycloak() {
        RenderedChart chart = RenderedChart.of("cloudnative-pg.yaml", Map.of());
        NetworkPolicy policy = chart.one(NetworkPolicy.class);
        Deployment deployment = chart.one(Deployment.class);

        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(chart.migrationJob().getSpec().getTemplate().getMetadata().getLabels())
                .as("the migration Job is held to the same policy")
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        // The public port from the ingress controller; the management port (metrics) from the scraper only.
        assertThat(policy.getSpec().getIngress())
                .extracting(rule -> rule.getPorts().get(0).getPort().getStrVal())
                .containsExactly("http", "management");
        assertThat(policy.getSpec().getIngress())
                .flatExtracting(rule -> rule.getFrom())
                .allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNotNull());
        assertThat(policy.getSpec().getEgress())
                .flatExtracting(rule -> rule.getPorts())
                .extracting(port -> port.getPort().getIntVal())
                .containsOnly(53, 5432, 443);
        assertThat(policy.getSpec().getEgress())
                .flatExtracting(rule -> rule.getTo())
                .extracting(peer -> peer.getPodSelector() == null
                        ? Map.of()
                        : peer.getPodSelector().getMatchLabels())
                .contains(Map.of("cnpg.io/cluster", "fleksi-db"), Map.of("cnpg.io/poolerName", "fleksi-db-pooler"));
    }

    @Test
    void withoutAnIngressThereIsNoneAndWithoutAnAutoscalerTheCountIsFixed() {
        RenderedChart chart = RenderedChart.of("ingress-off.yaml", Map.of());

        assertThat(chart.all(Ingress.class)).isEmpty();
        assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(chart.one(Deployment.class).getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aServiceMonitorOnlyWhenAskedOrWhenThePrometheusOperatorIsThere() {
        assertThat(RenderedChart.of("external-database.yaml", Map.of())
                        .custom("monitoring.coreos.com/v1", "ServiceMonitor"))
                .as("auto, and the cluster helm template imagines has no monitoring.coreos.com/v1")
                .isEmpty();
        assertThat(RenderedChart.of("external-database.yaml", Map.of("metrics.serviceMonitor.enabled", "true"))
                        .custom("monitoring.coreos.com/v1", "ServiceMonitor"))
                .hasSize(1);
    }

    static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isIn("http", "management");
    }

    static void assertRestricted(PodSpec pod, Container container) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts())
                .extracting(mount -> mount.getMountPath())
                .containsExactly("/tmp");
        assertThat(pod.getVolumes())
                .allSatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    }

    static Map<String, EnvVar> byName(List<EnvVar> env) {
        return env.stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));
    }

    static GenericKubernetesResource single(List<GenericKubernetesResource> resources) {
        assertThat(resources).hasSize(1);
        return resources.get(0);
    }
}
