package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard at / in a real browser (Debian's chromium, driven through its chromedriver; nothing
 * is downloaded): every panel draws its chart, the numbers it shows are the API's, a theme chosen
 * in the filter bar changes the timeline and the records to the API's answers for that theme, the
 * URL carries the filter (a reload and the Back button reproduce the views), and the browser's
 * console stays free of errors. Without the two programs the test is skipped, saying why.
 * It leaves a screenshot in target/dashboard.png (docs/dashboard.png is one).
 */
@QuarkusTest
public class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("liaison.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("liaison.chromedriver", "/usr/bin/chromedriver"));
    static final String THEME = "trade-investment";
    static final List<String> CHARTS = List.of("chart-timeline-level", "chart-timeline-format", "chart-themes", "chart-pairs",
            "chart-localities-vn", "chart-localities-cn", "chart-people-vn", "chart-people-cn");
    static final List<String> TIMELINE_COLUMNS = List.of("period", "exchanges", "central", "locality", "in_person", "online",
            "phone", "hybrid");

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "DashboardBrowserTest skipped: no browser here (" + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed: apt-get install chromium chromium-driver; .ci/run installs them)");
        // the system's driver: Selenium Manager is never asked to download one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: chromium's sandbox cannot start as root, which the build machines run as
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static String base() {
        return "http://localhost:" + RestAssured.port + "/";
    }

    /** Waits until every panel has its answers for the URL the page is at. */
    static void waitUntilReady() {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            String state = d.findElement(By.tagName("body")).getAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError("the page shows an error: " + d.findElement(By.id("page-error")).getText());
            }
            return "ready".equals(state);
        });
    }

    @SuppressWarnings("unchecked")
    static List<List<String>> tableRows(String id) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('#"
                + id + " tbody tr')].map(tr => [...tr.cells].map(td => td.textContent));");
    }

    static List<List<String>> apiTimeline(String filter) {
        List<Map<String, Object>> rows = given().get("/api/stats/timeline?granularity=year" + filter).then().statusCode(200)
                .extract().path("rows");
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            out.add(TIMELINE_COLUMNS.stream().map(c -> String.valueOf(r.get(c))).toList());
        }
        return out;
    }

    /** @param filter "" or "&name=value..." (as the other helpers append it) */
    static int apiSummary(String filter) {
        return given().get("/api/stats/summary" + (filter.isEmpty() ? "" : "?" + filter.substring(1))).then()
                .statusCode(200).extract().path("rows[0].exchanges");
    }

    static List<String> recordIds() {
        return browser.findElements(By.cssSelector("#records-table tbody tr")).stream().map(tr -> tr.getAttribute("data-id")).toList();
    }

    static List<String> apiRecordIds(String filter) {
        return given().get("/api/exchanges?limit=20" + filter).then().statusCode(200).extract().path("items.id");
    }

    static int apiTotal(String filter) {
        return given().get("/api/exchanges?limit=1" + filter).then().statusCode(200).extract().path("total");
    }

    /** The console's errors since the last call (chromedriver hands each entry out once). */
    static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).toList();
    }

    void assertEveryPanelDrawn(String view) {
        for (String id : CHARTS) {
            WebElement box = browser.findElement(By.id(id));
            assertTrue(box.isDisplayed(), id + " is shown: " + view);
            assertFalse(box.findElements(By.cssSelector("canvas, svg")).isEmpty(), id + " has a canvas or svg: " + view);
        }
        assertFalse(recordIds().isEmpty(), "records listed: " + view);
    }

    void assertTheView(String filter, String view) {
        assertEquals(String.valueOf(apiSummary(filter)), browser.findElement(By.id("summary-exchanges")).getText(), "summary: " + view);
        assertEquals(apiTimeline(filter), tableRows("timeline-table"), "timeline: " + view);
        assertEquals(String.valueOf(apiTotal(filter)), browser.findElement(By.id("records-total")).getText(), "records total: " + view);
        assertEquals(apiRecordIds(filter), recordIds(), "records: " + view);
    }

    @Test
    void thePageShowsTheApisNumbersAndFollowsItsFilters() throws IOException {
        browser.get(base());
        waitUntilReady();
        assertEveryPanelDrawn("unfiltered");
        assertTheView("", "unfiltered");
        // a reload revalidates the page the browser keeps (304s): it must run its scripts again
        browser.navigate().refresh();
        waitUntilReady();
        assertTheView("", "unfiltered, reloaded");
        screenshot();

        // a theme in the filter bar: every panel follows, the URL carries it
        new Select(browser.findElement(By.id("theme-select"))).selectByValue("theme=" + THEME);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("theme=" + THEME));
        waitUntilReady();
        String filtered = browser.getCurrentUrl();
        assertEquals(base() + "?theme=" + THEME, filtered);
        assertTheView("&theme=" + THEME, "theme");
        assertTrue(apiSummary("&theme=" + THEME) < apiSummary(""), "the theme selects fewer exchanges than all");
        assertEveryPanelDrawn("theme");

        // the URL alone reproduces the view
        browser.navigate().refresh();
        waitUntilReady();
        assertEquals("theme=" + THEME, new Select(browser.findElement(By.id("theme-select"))).getFirstSelectedOption().getAttribute("value"));
        assertTheView("&theme=" + THEME, "theme, reloaded");

        // Back returns to the unfiltered view
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(base()));
        waitUntilReady();
        assertTheView("", "back");

        assertEquals(List.of(), consoleErrors(), "the browser console");
    }

    @Test
    void anApiErrorIsShownAndAPhoneSizedScreenFits() {
        // a filter the API refuses: its problem+json title and detail are on the page
        browser.get(base() + "?from=2024-13-01");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "error".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
        String error = browser.findElement(By.id("page-error")).getText();
        assertTrue(error.contains("from") && error.contains("2024-13-01"), error);
        consoleErrors(); // the refused requests' 400s are the browser's own log lines, expected here

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base());
            waitUntilReady();
            long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Object wide = ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('body *')]"
                    + ".filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                    + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));");
            assertEquals(0, overflow, "no sideways scrolling on a phone-sized screen; too wide: " + wide);
            assertEveryPanelDrawn("phone");
            assertEquals(List.of(), consoleErrors(), "the browser console");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** The page at a desktop width, from the summary to the localities, as target/dashboard.png. */
    static void screenshot() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 2000));
        waitUntilReady();
        try {
            Thread.sleep(1500); // the charts' entry animation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
