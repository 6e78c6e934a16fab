package id.fleksi.dev.bench;

import id.fleksi.dev.loadtest.LoadTestRealms;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.RealmRoles;
import id.fleksi.platform.security.RealmTokenAuthentication;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.KeycloakAdmin;
import id.fleksi.provisioning.realm.KeycloakAdminProperties;
import id.fleksi.provisioning.realm.RealmUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** The realms bench's timed visits to Keycloak: tokens issued and checked as Fleksi checks them, login pages, the realm list. */
final class KeycloakProbes {

    static final String CLIENT = "fleksi-bench";
    static final String PASSWORD = "bench-password-1";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REALM_NAME = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RESOURCE = Pattern.compile("(?:href|src)=\"(/resources/[^\"]+)\"");

    private final ConfigurableApplicationContext context;
    private final int samples;

    /** {@code samples}: how many tokens, and how many login pages, each measurement times. */
    KeycloakProbes(ConfigurableApplicationContext context, int samples) {
        this.context = context;
        this.samples = samples;
    }

    /** Milliseconds of each token issued, and of each checked. */
    record Tokens(List<Double> issued, List<Double> checked) {}

    /**
     * Tokens of the new tenants' first admins by the password grant (a client for it added, as bench/checkin does), each
     * then checked by a fresh {@link RealmTokenAuthentication}: the registry's answer, the realm's keys fetched from
     * Keycloak, the signature, issuer and audience: what Fleksi does with a realm's first token after it starts.
     */
    Tokens tokens(String keycloak, List<String> realms) {
        RealmUsers users = context.getBean(RealmUsers.class);
        for (String realm : realms) {
            LoadTestRealms.prepare(context, realm, CLIENT);
            users.setPassword(realm, TenantOnboarding.FIRST_ADMIN, PASSWORD, false);
        }
        HttpClient http = HttpClient.newHttpClient();
        Tokens tokens = new Tokens(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < samples; i++) {
            String realm = realms.get(i % realms.size());
            String form = "grant_type=password&client_id=" + CLIENT + "&username=" + TenantOnboarding.FIRST_ADMIN
                    + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            long issuing = System.nanoTime();
            String body = send(
                    http,
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
            tokens.issued().add(Timings.exactMillisSince(issuing));
            Matcher token = ACCESS_TOKEN.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("no token from realm " + realm + ": " + body);
            }
            RealmTokenAuthentication fresh = new RealmTokenAuthentication(
                    context.getBean(IdentityProperties.class),
                    context.getBean(TenantRegistry.class),
                    context.getBean(RealmRoles.class));
            tokens.checked()
                    .add(Timings.millisOf(() ->
                            fresh.resolve(null).authenticate(new BearerTokenAuthenticationToken(token.group(1)))));
        }
        return tokens;
    }

    /** {@code samples} login pages, spread over every tenant realm: people of every pemda log in, not only the newest's. */
    void loginPages(String keycloak, List<String> realms, List<Double> html, List<Double> pages) {
        for (int i = 0; i < samples; i++) {
            loginPage(context, keycloak, realms.get(i * realms.size() / samples), html, pages);
        }
    }

    /**
     * A browser's first visit to a tenant's login page: the authorization request Fleksi's pages send (code flow with PKCE),
     * then the stylesheets, scripts and images the page names, on a new connection without cookies.
     */
    private static void loginPage(
            ConfigurableApplicationContext context,
            String keycloak,
            String realm,
            List<Double> html,
            List<Double> pages) {
        String redirect = URLEncoder.encode(
                context.getBean(KeycloakAdminProperties.class).publicWebUrl() + "/login/oauth2/code/" + realm,
                StandardCharsets.UTF_8); // as RealmClientRegistrations asks
        URI page = URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/auth?client_id="
                + context.getBean(IdentityProperties.class).webClientId() + "&redirect_uri=" + redirect
                + "&response_type=code&scope=openid%20profile&state=bench"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        String body = send(http, HttpRequest.newBuilder(page).build());
        html.add(Timings.exactMillisSince(start));
        if (!body.contains("<form")) {
            throw new IllegalStateException(
                    "no login form at " + page + ": " + body.substring(0, Math.min(300, body.length())));
        }
        Matcher resource = RESOURCE.matcher(body);
        while (resource.find()) {
            send(
                    http,
                    HttpRequest.newBuilder(
                                    URI.create(keycloak + resource.group(1).replace("&amp;", "&")))
                            .build());
        }
        pages.add(Timings.exactMillisSince(start));
    }

    /**
     * Every realm but master, by their brief representations: the full list ({@code realms().findAll()}, which Fleksi never
     * calls) took 50 s at 300 realms here.
     */
    List<String> realmNames(String keycloak) {
        KeycloakAdmin admin = context.getBean(KeycloakAdmin.class);
        String token = admin.call(
                "get an admin token", () -> admin.client().tokenManager().getAccessTokenString());
        String body = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms?briefRepresentation=true"))
                        .header("Authorization", "Bearer " + token)
                        .build());
        List<String> names = new ArrayList<>();
        Matcher realm = REALM_NAME.matcher(body);
        while (realm.find()) {
            names.add(realm.group(1));
        }
        names.remove("master");
        return names;
    }

    private static String send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
