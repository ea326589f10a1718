package org.liaison.stats;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@link StatsAtScaleTest} with the response cache off: every request runs its SQL. */
@QuarkusTest
@TestProfile(StatsAtScaleUncachedTest.CacheOff.class)
class StatsAtScaleUncachedTest extends StatsAtScaleTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("liaison.stats.cache.enabled", "false");
        }
    }

    @Override
    boolean cached() {
        return false;
    }
}
