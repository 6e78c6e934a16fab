package id.fleksi.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/openapi.json} is the API as the application serves it: the file clients are generated from (the build
 * generates one and drives the journeys with it, GeneratedClientTest). A change of the API shows here first; the
 * served document is written to {@code target/openapi.json} to be reviewed and copied over.
 */
class OpenApiContractTest extends AppIntegrationTest {

    static final Path CONTRACT = Path.of("..", "docs", "openapi.json");
    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheOneInDocsAndEachRequestHasItsOwnSchema() throws Exception {
        ObjectNode served = (ObjectNode) JSON.readTree(RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .body(String.class));
        served.remove("servers"); // the test's own port
        ((ObjectNode) served.get("paths"))
                .remove("/api/v1/t/{code}/notes"); // a test module's (platform-core's test jar)
        sortTags(served);
        Files.writeString(Path.of("target", "openapi.json"), JSON.writeValueAsString(served) + "\n");

        JsonNode schemas = served.get("components").get("schemas");
        assertThat(properties(schemas, "AbsenceDecision")).containsOnlyKeys("comment");
        assertThat(properties(schemas, "ReportDecision")).containsOnlyKeys("ids", "comment");
        assertThat(properties(schemas, "RequestDecision")).containsOnlyKeys("reason");
        assertThat(JSON.readTree(Files.readString(CONTRACT)))
                .as("docs/openapi.json is out of date: review target/openapi.json" + " (fleksi-app) and copy it there")
                .isEqualTo(served);
    }

    /** The document's tags in name order: springdoc lists them in the order it met their controllers. */
    private static void sortTags(ObjectNode document) {
        if (document.get("tags") instanceof tools.jackson.databind.node.ArrayNode tags) {
            java.util.List<JsonNode> sorted = new java.util.ArrayList<>();
            tags.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparing(tag -> tag.get("name").asString()));
            tags.removeAll();
            sorted.forEach(tags::add);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(JsonNode schemas, String name) {
        return JSON.convertValue(schemas.get(name).get("properties"), Map.class);
    }
}
