package org.liaison.feed;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/** The watched-feed tests against the packaged artifact (in the prod profile; ItDatabase allows the tests' loopback server). */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class FeedsIT extends FeedsTest {
}
