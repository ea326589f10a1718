package org.liaison.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/** The fuzz suite against the packaged artifact (the jar; the native executable with -Dnative), with a database of its own. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class FuzzIT extends FuzzTest {
}
