package id.fleksi.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart in helm/fleksi rendered by Helm itself (helm-java embeds Helm 3 as a native library), each manifest
 * parsed as its Kubernetes kind by fabric8's model: a typed object for the built-in kinds, a generic one for the
 * operators' kinds (CloudNativePG, Keycloak, Prometheus).
 *
 * <p>helm-java's {@code template} answers the release's manifest without its hooks, and the migration Job is a hook.
 * So the chart is rendered from a copy with one more template, which renders the hook templates through Helm's
 * own {@code include} of their files into a ConfigMap: the same templates, values and functions, outside the
 * hook list. {@link #hook(String)} reads them back.
 */
record RenderedChart(List<HasMetadata> manifests, Map<String, String> hooks) {

    static final Path CHART = Path.of(System.getProperty("fleksi.chart", "../helm/fleksi"));
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** The hook templates of the chart, by file name. */
    static final List<String> HOOK_TEMPLATES = List.of("migration-job.yaml");

    private static final String HOOKS_SHOWN = "zz-hooks-shown-for-tests";

    static RenderedChart of(String valuesFile, Map<String, String> sets) {
        Path copy = copyWithHooksShown();
        try {
            TemplateCommand template = new Helm(copy)
                    .template()
                    .withName("fleksi")
                    .withNamespace("fleksi")
                    .withKubeVersion("1.33.0")
                    .withValuesFile(valuesFile(valuesFile));
            for (Map.Entry<String, String> set : sets.entrySet()) {
                template = template.set(set.getKey(), set.getValue());
            }
            return parse(template.call());
        } finally {
            delete(copy);
        }
    }

    static Path valuesFile(String name) {
        return Path.of("src/test/resources/values", name);
    }

    static RenderedChart parse(String output) {
        List<HasMetadata> manifests = new ArrayList<>();
        Map<String, String> hooks = Map.of();
        for (String document : output.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            HasMetadata manifest = SERIALIZATION.unmarshal(document);
            if (manifest instanceof ConfigMap configMap
                    && configMap.getMetadata().getName().equals(HOOKS_SHOWN)) {
                hooks = configMap.getData();
            } else {
                manifests.add(manifest);
            }
        }
        return new RenderedChart(List.copyOf(manifests), hooks);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return manifests.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one " + kind.getSimpleName() + ", rendered " + found.size() + ": " + kinds());
        }
        return found.get(0);
    }

    List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getApiVersion().equals(apiVersion)
                        && resource.getKind().equals(kind))
                .toList();
    }

    List<String> kinds() {
        return manifests.stream().map(HasMetadata::getKind).toList();
    }

    /** The migration Job as Helm rendered it (null when migrations are off). */
    Job migrationJob() {
        String rendered = hooks.get("migration-job.yaml");
        return rendered == null || rendered.isBlank() ? null : SERIALIZATION.unmarshal(rendered, Job.class);
    }

    private static Path copyWithHooksShown() {
        try {
            Path copy = Files.createTempDirectory("fleksi-chart-");
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            StringBuilder shown = new StringBuilder(
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + HOOKS_SHOWN + "\ndata:\n");
            for (String hook : HOOK_TEMPLATES) {
                shown.append("  ")
                        .append(hook)
                        .append(": {{ include \"fleksi/templates/")
                        .append(hook)
                        .append("\" . | quote }}\n");
            }
            Files.writeString(copy.resolve("templates").resolve(HOOKS_SHOWN + ".yaml"), shown);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
