package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Static files as a phone on a weak signal needs them: linked by content hash and kept a year, compressed on the way;
 * by plain name, asked again and answered 304 while unchanged; a missing one is kept nowhere.
 */
class StaticFilesTest extends AppIntegrationTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePagesLinkTheirStyleByContentHashAndTheBrowserKeepsItAYearCompressed() throws Exception {
        String page = get("/", "identity").body();
        Matcher link =
                Pattern.compile("href=\"(/css/fleksi-[0-9a-f]{32}\\.css)\"").matcher(page);
        assertThat(link.find()).as("the page links its style by hash: " + page).isTrue();

        HttpResponse<byte[]> style = http.send(
                request(link.group(1)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(style.headers().allValues("Pragma")).isEmpty();
        assertThat(style.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] original = new ClassPathResource("static/css/fleksi.css").getContentAsByteArray();
        assertThat(gunzip(style.body())).isEqualTo(original);
        assertThat(style.body().length).isLessThan(original.length / 2);
    }

    @Test
    void aFileByItsPlainNameIsAskedForAgainAndAnswered304WhileUnchanged() throws Exception {
        HttpResponse<String> first = get("/css/fleksi.css", "identity");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(
                        value -> assertThat(value).contains("no-cache").doesNotContain("max-age=31536000"));
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> again = http.send(
                request("/css/fleksi.css")
                        .header("If-Modified-Since", lastModified)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void aMissingFileWithAHashedLookingNameIsNotKept() throws Exception {
        HttpResponse<String> missing = get("/css/nosuch-0123456789abcdef0123456789abcdef.css", "identity");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control").orElse("")).doesNotContain("max-age=31536000");
    }

    private HttpResponse<String> get(String path, String encoding) throws IOException, InterruptedException {
        return http.send(
                request(path).header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
