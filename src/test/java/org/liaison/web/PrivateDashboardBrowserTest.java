package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liaison.auth.PrivateReadsTest;
import org.liaison.auth.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of a service whose reads need a token (liaison.auth.public-reads=false), in the
 * browser of DashboardBrowserTest (skipped, saying why, without one): the page loads, asks for a
 * token, says so when one is refused, and with a valid one shows the API's numbers; the token
 * lasts for the tab (a reload reads at once).
 */
@QuarkusTest
@TestProfile(PrivateReadsTest.Private.class)
class PrivateDashboardBrowserTest {

    @BeforeAll
    static void startBrowser() {
        DashboardBrowserTest.startBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        DashboardBrowserTest.stopBrowser();
    }

    static void submitToken(WebDriver b, String token) {
        b.findElement(By.id("token")).sendKeys(token);
        b.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }

    static String why(WebDriver b) {
        return b.findElement(By.id("token-why")).getText();
    }

    @Test
    void thePageAsksForATokenAndReadsWithIt() {
        WebDriver b = DashboardBrowserTest.browser;
        b.get(DashboardBrowserTest.base());
        new WebDriverWait(b, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("token-form")).isDisplayed());
        assertTrue(why(b).contains("public-reads=false"), why(b));

        submitToken(b, "not-a-token");
        new WebDriverWait(b, Duration.ofSeconds(30)).withMessage(() -> "the form says: " + why(b))
                .until(d -> why(d).contains("refused") && d.findElement(By.id("token-form")).isDisplayed());

        String visitor = TestTokens.token("visitor", "visitor");
        submitToken(b, visitor);
        DashboardBrowserTest.waitUntilReady();
        assertFalse(b.findElement(By.id("token-form")).isDisplayed(), "the form is gone once the token reads");
        int exchanges = given().auth().none().header("Authorization", "Bearer " + visitor).get("/api/stats/summary").then()
                .statusCode(200).extract().path("rows[0].exchanges");
        assertEquals(String.valueOf(exchanges), b.findElement(By.id("summary-exchanges")).getText());
        assertFalse(DashboardBrowserTest.recordIds().isEmpty(), "records listed");
        assertTrue(b.findElements(By.cssSelector("#theme-select optgroup")).size() > 1, "the filter choices loaded with the token");

        b.navigate().refresh();
        DashboardBrowserTest.waitUntilReady();
        assertFalse(b.findElement(By.id("token-form")).isDisplayed(), "the tab keeps its token");
        DashboardBrowserTest.consoleErrors(); // the refused requests' 401s are the browser's own log lines, expected here
    }
}
