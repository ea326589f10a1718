package org.liaison.exchange;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/** The same tests against the packaged artifact: the jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class AuditTrailIT extends AuditTrailTest {
}
