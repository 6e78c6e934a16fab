package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of a demo-like tenant on a 360 px phone (issue 19, item 7), as each role: the ASN, the supervisor, the tenant
 * admin, BKD and the leader (the Bupati); and the platform operator's console. The pages are the menu's entries on the
 * person's home page, and the links those pages name as {@code *-link} (history, team recap, ...), so a new page is walked
 * without a change here. None may scroll sideways
 * ({@code scrollWidth <= 360}), and every visible button, input, select and checkbox is at least 44 px high. A screenshot
 * of each page's first screen goes to {@code docs/screens/<role>-<page>.png} for the README.
 */
class PhoneWidthTest extends PageTest {

    static final int WIDTH = 360;
    static final int HEIGHT = 740;
    static final int TOUCH = 44;

    @Autowired
    DemoSeed demo;

    /** What the page's script finds: sideways scroll (with the widest elements) and touch targets below 44 px. */
    static final String MEASURE = """
            var width = arguments[0], touch = arguments[1], found = [];
            function name(el) {
              var s = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.type && el.tagName === 'INPUT' ? '[type=' + el.type + ']' : '')
                + (el.name ? '[name=' + el.name + ']' : '');
              var text = (el.textContent || el.value || '').trim().slice(0, 30);
              return text ? s + ' "' + text + '"' : s;
            }
            function scrollsInside(el) {
              for (var p = el.parentElement; p; p = p.parentElement) {
                var o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden') { return true; }
              }
              return false;
            }
            var sw = document.documentElement.scrollWidth;
            if (sw > width) {
              var wide = [];
              document.querySelectorAll('body *').forEach(function (el) {
                var r = el.getBoundingClientRect();
                if (r.right > width + 0.5 && r.width > 0 && !scrollsInside(el)) { wide.push(name(el) + ' to ' + Math.round(r.right) + ' px'); }
              });
              found.push('scrolls sideways: ' + sw + ' px wide; ' + wide.slice(0, 6).join(', '));
            }
            document.querySelectorAll('button, input, select, summary').forEach(function (el) {
              if (el.type === 'hidden') { return; }
              var r = el.getBoundingClientRect(), st = getComputedStyle(el);
              if (r.width === 0 || r.height === 0 || st.visibility === 'hidden') { return; }
              if (r.height < touch - 0.5) { found.push(name(el) + ' is ' + Math.round(r.height) + ' px high'); }
            });
            return found;
            """;

    @Test
    void noPageOfAnyRoleScrollsSidewaysAt360PxAndEveryControlIsATouchTarget() {
        String code = TestRealms.unique("layar");
        removeAfter(code);
        demo.tenant(
                new NewTenant(code, "Kabupaten Layar", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA),
                "mateng",
                40);
        platformOperator();
        Path screens = screens();
        List<String> problems = new ArrayList<>();
        int pages = 0;
        // The demo's people of a kabupaten (bupati is its leader, pimpinan), then the province's operator on the
        // console.
        for (String role : List.of("asn", "atasan", "admin", "bkd", "bupati")) {
            pages += walk(role, DemoSeed.PASSWORD, BASE + "/t/" + code + "/", code, screens, problems);
        }
        pages += walk("operator", TestRealms.PASSWORD, BASE + "/platform/", null, screens, problems);
        assertThat(pages).isGreaterThanOrEqualTo(20);
        assertThat(problems)
                .as("pages too wide or controls too small at 360 px")
                .isEmpty();
    }

    /**
     * Logs in as the role from {@code home}, walks the home page, its menu's entries and the {@code *-link} pages they name
     * under the same start, measuring each page and leaving its screenshot; answers how many pages were walked.
     */
    private int walk(String role, String password, String home, String code, Path screens, List<String> problems) {
        WebDriver phone = phone();
        try {
            logIn(phone, home, role, password);
            Browser.waitFor(phone, By.tagName("main"));
            Set<String> walk = new LinkedHashSet<>();
            walk.add(home);
            phone.findElements(By.cssSelector("#menu a")).stream()
                    .map(a -> a.getAttribute("href"))
                    .filter(href -> href != null && href.startsWith(home))
                    .forEach(walk::add);
            if (code != null) {
                assertThat(walk).as(role + "'s menu").hasSizeGreaterThan(1);
            }
            for (String url : List.copyOf(walk)) {
                phone.get(url);
                for (WebElement link : phone.findElements(By.cssSelector("main a[id$='-link']"))) {
                    String href = link.getAttribute("href");
                    if (href != null && href.startsWith(home)) {
                        walk.add(href.replaceFirst("#.*$", ""));
                    }
                }
            }
            for (String url : walk) {
                phone.get(url);
                Browser.waitFor(phone, By.tagName("main"));
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) ((JavascriptExecutor) phone).executeScript(MEASURE, WIDTH, TOUCH);
                found.forEach(f -> problems.add(role + " " + url.substring(BASE.length()) + ": " + f));
                String page = code == null
                        ? url.substring(BASE.length() + 1)
                                .replaceFirst("[?#].*$", "")
                                .replaceAll("/+$", "")
                                .replace('/', '-')
                        : pageName(code, url);
                write(
                        screens.resolve(role + "-" + page + ".png"),
                        ((ChromeDriver) phone).getScreenshotAs(OutputType.BYTES));
            }
            return walk.size();
        } finally {
            phone.quit();
        }
    }

    /** Debian's Chromium as a 360 x 740 phone (a mobile viewport, as a cheap Android phone has). */
    static WebDriver phone() {
        WebDriver phone = Browser.chromium();
        ((ChromeDriver) phone)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        return phone;
    }

    /** The page's path in the tenant as a file name: {@code attendance-history}, {@code home} for the home page. */
    static String pageName(String code, String url) {
        String path = url.substring((BASE + "/t/" + code + "/").length())
                .replaceFirst("[?#].*$", "")
                .replaceAll("/+$", "");
        return path.isEmpty() ? "home" : path.replace('/', '-');
    }

    /** docs/screens of the project, whichever module the test runs in. */
    static Path screens() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Path screens = (dir == null ? Path.of("") : dir).resolve("docs/screens");
        try {
            return Files.createDirectories(screens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
