package org.liaison.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/** The same regressions against the packaged artifact: the jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class FuzzRegressionsIT extends FuzzRegressionsTest {
}
