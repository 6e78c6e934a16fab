package id.fleksi.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document, sent the values a hostile or careless client sends: a NUL byte, a text of
 * a megabyte, a number where text belongs, dates at the edges of what Java can hold, 1e308, a list of one null, an
 * unknown id, a null where an object belongs, ten thousand copies of one item. Each value goes alone into a request
 * that is otherwise plausible, by someone holding every tenant role. None may be answered 5xx; each refusal is an RFC
 * 9457 problem that names no Java, Spring or Jackson internals; and none changes a row of the tenant's tables.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fleksi.rate-limit.enabled=false") // thousands of requests as one person, on purpose
class ApiFuzzTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MEGABYTE = "x".repeat(1024 * 1024);
    static final List<String> INTERNALS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "org.springframework",
            "tools.jackson",
            "com.fasterxml",
            "Exception",
            "org.hibernate",
            "org.postgresql",
            "SQL",
            "nimbus",
            "DeserializationFeature");

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    final String code = TestRealms.unique("fuzz");
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Object> document;
    String token;
    String unitId;
    String employeeId;

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noHostileValueOnAnyOperationGetsA5xxOrChangesAnything() throws Exception {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Fuzz", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TenantCode tenant = TenantCode.of(code);
        switches.change(tenant, "fwa", true, Map.of(), "test");
        unitId = UUID.randomUUID().toString();
        jdbc.sql("insert into " + tenant.schemaName()
                        + ".org_unit (id, code, name, kind) values (?::uuid, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unitId)
                .update();
        String realmUser = realmUsers.createUser(
                code,
                new RealmUser(
                        "semua.peran",
                        "Semua",
                        "Peran",
                        TestRealms.PASSWORD,
                        false,
                        java.util.Set.of(Role.ASN, Role.ATASAN, Role.ADMIN_OPD, Role.BKD, Role.TENANT_ADMIN)));
        employeeId = UUID.randomUUID().toString();
        jdbc.sql(
                        "insert into " + tenant.schemaName()
                                + ".employee (id, name, employment_type, unit_id, status, username, realm_user_id,"
                                + " created_at, updated_at) values (?::uuid, 'Semua Peran', 'NON_ASN', ?::uuid, 'ACTIVE', 'semua.peran', ?, now(), now())")
                .params(employeeId, unitId, realmUser)
                .update();
        TestRealms.addTestClient(code, "fleksi-api");
        token = TestRealms.token(code, "semua.peran");
        document = JSON.readValue(send("GET", "/v3/api-docs", null, null).body(), Map.class);

        List<String> findings = new ArrayList<>();
        int sent = 0;
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/t/{code}/")) {
                continue;
            }
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                String method = operation.getKey().toUpperCase();
                Map<String, Object> spec = (Map<String, Object>) operation.getValue();
                String before = tables(tenant);
                for (Variant variant : variants(path.getKey(), spec)) {
                    HttpResponse<String> response = send(method, variant.path(), variant.query(), variant.body());
                    sent++;
                    String problem = judge(method, response);
                    if (problem != null) {
                        findings.add(method + " " + path.getKey() + " with " + variant.what() + ": " + problem);
                    }
                }
                if (!before.equals(tables(tenant))) {
                    findings.add(method + " " + path.getKey() + ": a hostile request changed the tenant's tables");
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(300);
        assertThat(findings).isEmpty();
    }

    /** What is wrong with an answer, or null. */
    private static String judge(String method, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status + " " + abbreviate(response.body());
        }
        if (status < 400) {
            // A read may ignore a value it does not need; a write must refuse what it cannot store as sent.
            return method.equals("GET") ? null : "accepted (" + status + ")";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "answered " + status + " as " + type + ", not a problem";
        }
        for (String internal : INTERNALS) {
            if (response.body().contains(internal)) {
                return "names an internal (" + internal + "): " + abbreviate(response.body());
            }
        }
        return null;
    }

    record Variant(String what, String path, String query, Object body) {}

    /** The operation with each of its values made hostile in turn, every other value plausible. */
    @SuppressWarnings("unchecked")
    private List<Variant> variants(String template, Map<String, Object> spec) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (Map<String, Object> parameter : parameters) {
            Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"));
            String name = (String) parameter.get("name");
            if ("path".equals(parameter.get("in"))) {
                pathValues.put(name, name.equals("code") ? code : String.valueOf(plausible(name, schema)));
            } else if ("query".equals(parameter.get("in"))
                    && (Boolean.TRUE.equals(parameter.get("required")) || schema.containsKey("format"))) {
                queryValues.put(name, String.valueOf(plausible(name, schema)));
            }
        }
        Map<String, Object> bodySchema = jsonBody(spec);
        Object body = bodySchema == null ? null : plausible("body", bodySchema);
        List<Variant> variants = new ArrayList<>();
        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            if (name.equals("code")) {
                continue;
            }
            Map<String, Object> schema = resolve((Map<String, Object>) parameter.get("schema"));
            List<Object> hostiles = new ArrayList<>(hostileTexts(schema));
            if (name.equals("month")) {
                hostiles.add("+999999999-12");
            }
            for (Object hostile : hostiles) {
                Map<String, String> path = new LinkedHashMap<>(pathValues);
                Map<String, String> query = new LinkedHashMap<>(queryValues);
                (("path".equals(parameter.get("in"))) ? path : query).put(name, String.valueOf(hostile));
                variants.add(new Variant(name + "=" + describe(hostile), fill(template, path), encode(query), body));
            }
        }
        if (bodySchema != null) {
            for (Map.Entry<String, List<Object>> leaf :
                    leaves("", bodySchema, 0).entrySet()) {
                for (Object hostile : leaf.getValue()) {
                    variants.add(new Variant(
                            "body " + leaf.getKey() + "=" + describe(hostile),
                            fill(template, pathValues),
                            encode(queryValues),
                            replaced(body, leaf.getKey(), hostile)));
                }
            }
        }
        return variants;
    }

    /** Each place in a body (dotted path) and the hostile values it is sent. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Object>> leaves(String at, Map<String, Object> schema, int depth) {
        Map<String, List<Object>> leaves = new LinkedHashMap<>();
        schema = resolve(schema);
        if (schema.containsKey("properties") && depth < 3) {
            for (Map.Entry<String, Object> property : ((Map<String, Object>) schema.get("properties")).entrySet()) {
                String path = at.isEmpty() ? property.getKey() : at + "." + property.getKey();
                Map<String, Object> child = resolve((Map<String, Object>) property.getValue());
                leaves.put(path, hostileValues(child));
                if ("object".equals(child.get("type")) || child.containsKey("properties")) {
                    leaves.putAll(leaves(path, child, depth + 1));
                }
            }
        } else if (schema.get("additionalProperties") instanceof Map<?, ?> values && depth < 3) {
            leaves.putAll(leaves(at + ".MONDAY", (Map<String, Object>) values, depth + 1));
        }
        return leaves;
    }

    private List<Object> hostileValues(Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "string" -> {
                values.addAll(hostileTexts(schema));
                values.add(12345);
            }
            case "integer", "number" -> {
                values.add(1e308);
                values.add(-1e308);
            }
            case "array" -> {
                values.add(Collections.singletonList(null));
                Object item = plausible("item", resolveItems(schema));
                values.add(Collections.nCopies(10_000, item));
            }
            case "boolean" -> values.add("\u0000");
            default -> values.add(null);
        }
        if ("uuid".equals(format)) {
            values.add(UUID.randomUUID().toString());
        }
        return values;
    }

    private static List<Object> hostileTexts(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        return switch (format) {
            case "date" -> List.of("+999999999-12-30", "-999999999-01-01", "1900-01-01", "99999-01-01");
            case "date-time" -> List.of("+999999999-12-30T00:00:00Z", "1900-01-01T00:00:00+08:00");
            case "uuid" -> List.of("a\u0000b", UUID.randomUUID().toString());
            default ->
                "integer".equals(schema.get("type")) || "number".equals(schema.get("type"))
                        ? List.of("1e308", "-99999999999999999999")
                        : List.of("a\u0000b", MEGABYTE);
        };
    }

    /** A value a well-behaved client might send for this schema. */
    @SuppressWarnings("unchecked")
    private Object plausible(String name, Map<String, Object> schema) {
        schema = resolve(schema);
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of(plausible(name, resolveItems(schema)));
            case "string" ->
                switch (format) {
                    case "date" -> "2026-01-05";
                    case "date-time" -> "2026-01-05T08:00:00+08:00";
                    case "uuid" -> name.toLowerCase().contains("unit") ? unitId : employeeId;
                    default ->
                        name.equals("month")
                                ? "2026-01"
                                : name.equals("date")
                                        ? "2026-01-05"
                                        : name.toLowerCase().contains("time")
                                                        || name.equals("start")
                                                        || name.equals("end")
                                                ? "08:00"
                                                : "Uji";
                };
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.get("properties") instanceof Map<?, ?> properties) {
                    ((Map<String, Object>) properties)
                            .forEach((property, child) ->
                                    object.put(property, plausible(property, (Map<String, Object>) child)));
                } else if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                    object.put("MONDAY", plausible("MONDAY", (Map<String, Object>) values));
                }
                yield object;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolveItems(Map<String, Object> schema) {
        return resolve((Map<String, Object>) schema.getOrDefault("items", Map.of("type", "string")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema == null) {
            return Map.of("type", "string");
        }
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> schemas =
                    (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
            return resolve((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (schema.get("allOf") instanceof List<?> parts && parts.size() == 1) {
            return resolve((Map<String, Object>) parts.get(0));
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonBody(Map<String, Object> spec) {
        if (!(spec.get("requestBody") instanceof Map<?, ?> requestBody)) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        if (content == null || !(content.get("application/json") instanceof Map<?, ?> json)) {
            return null;
        }
        return resolve((Map<String, Object>) json.get("schema"));
    }

    @SuppressWarnings("unchecked")
    private static Object replaced(Object body, String dotted, Object hostile) {
        Object copy = JSON.convertValue(body, Object.class);
        String[] keys = dotted.split("\\.");
        Object at = copy;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(at instanceof Map<?, ?>)) {
                return copy;
            }
            at = ((Map<String, Object>) at).get(keys[i]);
        }
        if (at instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(keys[keys.length - 1], hostile);
        }
        return copy;
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace(
                    "{" + value.getKey() + "}",
                    URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(String method, String path, String query, Object body) throws Exception {
        String uri = "http://127.0.0.1:" + port + path + (query == null || query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every table of the tenant, each as a digest of its rows. */
    private String tables(TenantCode tenant) {
        List<String> names = jdbc.sql(
                        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'"
                                + " order by table_name")
                .param(tenant.schemaName())
                .query(String.class)
                .list();
        return names.stream()
                .map(table -> table + ":"
                        + jdbc.sql("select md5(coalesce(string_agg(t::text, ',' order by t::text), ''))" + " from "
                                        + tenant.schemaName() + "." + table + " t")
                                .query(String.class)
                                .single())
                .collect(Collectors.joining(" "));
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return text.length() > 40 ? "text of " + text.length() + " characters" : JSON.writeValueAsString(text);
        }
        if (value instanceof List<?> list) {
            return list.size() > 3 ? "a list of " + list.size() : String.valueOf(list);
        }
        return String.valueOf(value);
    }

    private static String abbreviate(String body) {
        return Objects.toString(body, "").length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
