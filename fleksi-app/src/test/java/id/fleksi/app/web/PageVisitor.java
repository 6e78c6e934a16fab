package id.fleksi.app.web;

import id.fleksi.provisioning.testing.TestRealms;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser without a browser: an HTTP client that keeps its cookies, follows redirects, asks for HTML and logs
 * in through the realm's real Keycloak login form, so a test can open many pages quickly as one person.
 */
final class PageVisitor {

    private static final Pattern LOGIN_FORM = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    /** A Thymeleaf attribute or expression left in a page: a template shown raw. */
    private static final Pattern RAW_TEMPLATE = Pattern.compile("\\sth:[a-z-]+=|\\$\\{|#\\{|~\\{");
    /** Words of English sentences (never of an Indonesian one) in the page's main part. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|The|your|Your|is not|There is|Log in|switched off"
            + "|Not allowed|not found|Unknown tenant|Ask your|nothing at this address)\\b");

    record Page(int status, String contentType, String body, URI uri) {

        /** The text of the element with this id, tags left out. */
        String text(String id) {
            Matcher m = Pattern.compile(
                            "id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(p|h1|div|span|section|a)>", Pattern.DOTALL)
                    .matcher(body);
            return m.find()
                    ? unescape(m.group(1).replaceAll("<[^>]+>", "")).strip().replaceAll("\\s+", " ")
                    : null;
        }

        String main() {
            int start = body.indexOf("<main");
            int end = body.lastIndexOf("</main>");
            return start < 0 || end < start ? body : body.substring(start, end);
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieJar())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private PageVisitor(String base) {
        this.base = base;
    }

    static PageVisitor anonymous(String base) {
        return new PageVisitor(base);
    }

    /** Logged in as this user of the realm the start page sends to, with {@link TestRealms#PASSWORD}. */
    static PageVisitor loggedIn(String base, String start, String username) throws IOException, InterruptedException {
        PageVisitor visitor = new PageVisitor(base);
        Page login = visitor.open(start);
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form at " + login.uri() + ": " + login.body());
        }
        String fields = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestRealms.PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> in = visitor.client.send(
                HttpRequest.newBuilder(URI.create(unescape(form.group(1))))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(fields))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!in.uri().toString().startsWith(base)) {
            throw new IllegalStateException(username + " was not logged in: " + in.uri() + " " + in.body());
        }
        return visitor;
    }

    Page open(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                response.uri());
    }

    /**
     * Sends a form of the page at {@code formPage} to {@code action} as the browser would, with the page's CSRF token, and
     * follows where it leads.
     */
    Page post(String formPage, String action, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(open(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        for (Map.Entry<String, String> field : fields) {
            body.append('&')
                    .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                response.uri());
    }

    /** What is wrong with the page at this address, as this visitor sees it: nothing, or each fault in a line. */
    List<String> check(String path, String who) throws IOException, InterruptedException {
        Page page = open(path);
        List<String> faults = new ArrayList<>();
        String where = who + " " + path + " (" + page.status() + "): ";
        if (!page.uri().toString().startsWith(base)) {
            return faults; // sent to log in at Keycloak: the way forward for someone not logged in
        }
        if (!page.contentType().startsWith("text/html")) {
            faults.add(where + "not HTML but " + page.contentType() + ": " + abbreviated(page.body()));
            return faults;
        }
        if (page.status() >= 500) {
            faults.add(where + "failed on our side: " + abbreviated(page.main()));
        }
        Matcher raw = RAW_TEMPLATE.matcher(page.body());
        if (raw.find()) {
            faults.add(where + "a template shown raw: ..."
                    + abbreviated(page.body().substring(Math.max(0, raw.start() - 60))));
        }
        if (!page.body().contains("<html lang=\"id\"")) {
            faults.add(where + "not marked Indonesian");
        }
        Matcher english = ENGLISH.matcher(page.main().replaceAll("<[^>]+>", " "));
        if (english.find()) {
            faults.add(where + "English in the page: '" + english.group() + "' in "
                    + abbreviated(page.main().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")));
        }
        if (page.status() >= 400
                && (page.text("problem-detail") == null
                        || page.text("problem-detail").isBlank()
                        || !page.body().contains("id=\"way-forward\""))) {
            faults.add(where + "a refusal without its reason or the way forward: " + abbreviated(page.main()));
        }
        return faults;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String unescape(String html) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        numeric.appendTail(out);
        return out.toString()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /**
     * Cookies kept per host and port, sent back whatever their path and {@code Secure} mark: Keycloak marks its login
     * cookies {@code Secure}, which a browser honours on 127.0.0.1 (a secure context) and Java's cookie manager does not.
     */
    private static final class CookieJar extends CookieHandler {

        private final Map<String, Map<String, String>> jars = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = jars.getOrDefault(uri.getAuthority(), Map.of());
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of(
                    "Cookie",
                    List.of(String.join(
                            "; ",
                            jar.entrySet().stream()
                                    .map(c -> c.getKey() + "=" + c.getValue())
                                    .toList())));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = jars.computeIfAbsent(
                    uri.getAuthority(), key -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
            headers.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int equals = pair.indexOf('=');
                        String cookie = pair.substring(0, equals).strip();
                        boolean expired = value.toLowerCase(java.util.Locale.ROOT)
                                        .matches(".*max-age=0(;.*|$)")
                                || value.toLowerCase(java.util.Locale.ROOT).contains("expires=thu, 01 jan 1970");
                        if (expired) {
                            jar.remove(cookie);
                        } else {
                            jar.put(cookie, pair.substring(equals + 1).strip());
                        }
                    }
                }
            });
        }
    }
}
