package org.liaison.stats;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.liaison.ItDatabase;

/** StatsSeriesTest against the packaged artifact: the jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class StatsSeriesIT extends StatsSeriesTest {
}
