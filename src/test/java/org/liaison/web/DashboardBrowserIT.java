package org.liaison.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/**
 * The dashboard in a browser against the packaged artifact: the jar, or the native executable with
 * -Dnative (the page and the ECharts WebJar served from the image).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class DashboardBrowserIT extends DashboardBrowserTest {
}
