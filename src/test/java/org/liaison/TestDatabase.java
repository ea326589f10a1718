package org.liaison;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.liaison.auth.TestTokens;

/**
 * The real PostgreSQL of the {@code @QuarkusTest} tests (they do not run LiaisonMain, which
 * starts the embedded server of a {@code java -jar} or dev-mode run): a server of the test
 * JVM's own on a free port, so that concurrent builds on one machine do not meet. Declared
 * for every test class; the *IT classes get their database from {@link ItDatabase}, so this
 * one starts nothing there. Stopped after the application, so no connection is cut under it.
 * It also gives the service the tests' token key and makes an admin token RestAssured's
 * default: a test that is about authentication says so ({@code given().auth().none()}, or
 * {@code auth().oauth2(TestTokens.token(...))}).
 */
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        if (System.getProperty("liaison.it.artifact") != null) { // set by failsafe, for the *IT runs only
            return Map.of();
        }
        postgres = ItDatabase.startPostgres("the tests");
        Map<String, String> settings = new HashMap<>(ItDatabase.datasource(postgres));
        settings.putAll(TestTokens.settings());
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(TestTokens.admin());
        return settings;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }
}
