package id.fleksi.app.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, at a phone's size; the flags keep it off the closed network here. */
final class Browser {

    private Browser() {}

    static WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=412,915");
        return new ChromeDriver(options);
    }

    static void waitFor(WebDriver browser, By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /**
     * Presses what {@code target} finds and waits until the page it was on is gone: the next page may hold an element of
     * the same id as the last one (a result line, an error), which a plain wait would find at once on the old page.
     */
    static void pressAndLoad(WebDriver browser, By target) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> gone(page));
    }

    /**
     * Whether an element's page has gone. Selenium's {@code stalenessOf} knows only the stale-element error; Chromium
     * answers an element whose document was just replaced with "Node with given id does not belong to the document"
     * as well (an unknown error, which failed a CI run in {@code PlatformConsoleTest}).
     */
    private static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** A port to serve on, so each realm's redirect URI can name it before Fleksi starts. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
