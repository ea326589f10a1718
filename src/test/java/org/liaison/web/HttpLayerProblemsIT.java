package org.liaison.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/**
 * The same tests against the packaged artifact (the jar, or the native executable with -Dnative),
 * where LiaisonMain has switched Quarkus' own URI check off before Quarkus started.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class HttpLayerProblemsIT extends HttpLayerProblemsTest {

    /** Not run here: ItDatabase gives the artifact its origins (the dashboard's only) over the test profile's. */
    @Override
    void anOriginMatchingAListedPatternPasses() {
    }
}
