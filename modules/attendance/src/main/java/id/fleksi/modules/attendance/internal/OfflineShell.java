package id.fleksi.modules.attendance.internal;

import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes the ASN's pages an app on the phone and usable without signal (issue 19, item 6): the tenant's web app
 * manifest (installable, opening on the attendance page) and its service worker, scoped to the tenant's pages. Both
 * under stable names, revalidated on every use ({@code no-cache}); the worker carries the hashed names of the static
 * files the pages link, so a release that changes a file changes the worker, and the phone takes the new one.
 */
@PageController
class OfflineShell {

    /** Static files the shell pages link, by their plain names; the worker keeps them by their hashed ones. */
    static final List<String> ASSETS = List.of(
            "/css/fleksi.css",
            "/attendance/checkin.js",
            "/attendance/icon.svg",
            "/attendance/icon-192.png",
            "/attendance/icon-512.png");

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    /** The web layer's; a context without one (a test without the web) never serves these. */
    private final ObjectProvider<ResourceUrlProvider> urls;

    private final MessageSource messages;
    private final JsonMapper json;
    private final String worker;

    OfflineShell(ObjectProvider<ResourceUrlProvider> urls, MessageSource messages, JsonMapper json) {
        this.urls = urls;
        this.json = json;
        this.messages = messages;
        try (InputStream in = OfflineShell.class.getResourceAsStream("/attendance-offline/sw.js")) {
            this.worker = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Served from the attendance module's path, for the tenant's whole scope (hence Service-Worker-Allowed). */
    @GetMapping(path = "/t/{code}/attendance/sw.js", produces = "text/javascript")
    ResponseEntity<String> worker(Tenant tenant, Locale locale) {
        String base = "/t/" + tenant.code() + "/";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("shell", List.of(base + "attendance/", base + "activity-reports/"));
        settings.put("assets", ASSETS.stream().map(this::hashed).toList());
        settings.put("note", note(base, locale));
        String config = json.writeValueAsString(settings);
        String script = "const FLEKSI = " + config.substring(0, config.length() - 1) + ", \"version\": \""
                + version(config) + "\", \"hashed\": /-[0-9a-f]{32}\\.[A-Za-z0-9]+$/};\n" + worker;
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", base)
                .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .body(script);
    }

    @GetMapping(path = "/t/{code}/attendance/manifest.webmanifest")
    ResponseEntity<String> manifest(Tenant tenant, Locale locale) {
        String base = "/t/" + tenant.code() + "/";
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("id", base + "attendance/");
        manifest.put("name", "Fleksi \u00b7 " + tenant.name());
        manifest.put("short_name", "Fleksi");
        manifest.put("description", text("att.app.description", locale));
        manifest.put("lang", locale.getLanguage());
        manifest.put("start_url", base + "attendance/");
        manifest.put("scope", base);
        manifest.put("display", "standalone");
        manifest.put("background_color", "#f6f7f9");
        manifest.put("theme_color", "#0b4f6c");
        manifest.put(
                "icons",
                List.of(
                        Map.of("src", hashed("/attendance/icon.svg"), "sizes", "any", "type", "image/svg+xml"),
                        Map.of("src", hashed("/attendance/icon-192.png"), "sizes", "192x192", "type", "image/png"),
                        Map.of(
                                "src",
                                hashed("/attendance/icon-512.png"),
                                "sizes",
                                "512x512",
                                "type",
                                "image/png",
                                "purpose",
                                "any")));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MANIFEST)
                .body(json.writeValueAsString(manifest));
    }

    private String hashed(String path) {
        String url = urls.getObject().getForLookupPath(path);
        return url == null ? path : url;
    }

    /** The page a navigation without signal gets when no copy of it is kept: what happened, and the way to presensi. */
    private String note(String base, Locale locale) {
        String title = HtmlUtils.htmlEscape(text("att.offline.title", locale));
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + hashed("/css/fleksi.css")
                + "\"></head><body><main id=\"offline-note\">"
                + "<h1>" + title + "</h1><p>" + HtmlUtils.htmlEscape(text("att.offline.body", locale)) + "</p>"
                + "<p><a href=\"" + base + "attendance/\">" + HtmlUtils.htmlEscape(text("att.offline.link", locale))
                + "</a></p>"
                + "</main></body></html>";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String version(String config) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of()
                    .formatHex(digest.digest(worker.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
