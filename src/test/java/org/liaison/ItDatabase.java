package org.liaison;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.liaison.auth.TestTokens;
import org.liaison.auth.VerificationSettings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL for the integration tests, which run against the packaged artifact: a
 * server of its own (zonky's binaries; as root inside a user namespace) whose URLs are handed to
 * the artifact as system properties. With a datasource configured the default jar starts no
 * embedded server of its own and uses this one, and the tests reach the same database over
 * JDBC. The artifact runs in the prod profile, as deployed; the resource also gives it the demo
 * data and the dashboard origin the tests expect, and verification settings as an identity
 * provider such as Keycloak gives them: the JWKS location of the tests' key, served here on
 * 127.0.0.1 (the artifact fetches it the way it would fetch Keycloak's), and the issuer. An
 * admin token of that key is RestAssured's default.
 */
public class ItDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String JDBC_URL = "liaison.it.jdbc-url";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    static final String DASHBOARD = "https://dashboard.example";
    /** Where the JWKS is served, as Keycloak serves a realm's keys. */
    public static final String JWKS_PATH = "/realms/liaison-test/protocol/openid-connect/certs";
    /** The JWKS URL of the running resource, for a second instance (see {@link #verificationArguments()}). */
    public static final String JWKS_URL = "org.liaison.it.jwks-url";

    /** The test profile's feed settings (application.properties), for the artifact and any second instance. */
    public static final Map<String, String> FEEDS = Map.of("liaison.feeds.allow-private-addresses", "true",
            "liaison.feeds.tick", "1s", "liaison.feeds.first-tick", "1s", "liaison.feeds.timeout", "2s",
            "liaison.feeds.retry-first", "1s", "liaison.feeds.host-interval", "10ms");

    private EmbeddedPostgres postgres;
    private HttpServer jwks;
    /** Times the artifact fetched the key set. */
    public static final AtomicInteger JWKS_FETCHES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        postgres = startPostgres("the integration tests");
        Map<String, String> settings = new HashMap<>(datasource(postgres));
        System.setProperty(JDBC_URL, settings.get("quarkus.datasource.jdbc.url"));
        settings.put("liaison.demo-data", "true");
        settings.put("quarkus.http.cors.origins", DASHBOARD);
        jwks = serveJwks();
        String location = "http://127.0.0.1:" + jwks.getAddress().getPort() + JWKS_PATH;
        System.setProperty(JWKS_URL, location);
        settings.put(VerificationSettings.KEY_LOCATION, location);
        settings.put(VerificationSettings.ISSUER, TestTokens.ISSUER);
        settings.put("liaison.extract.per-minute", "2"); // as in the tests' profile (application.properties)
        settings.putAll(FEEDS); // as in the tests' profile: the feeds' server is on 127.0.0.1
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(TestTokens.admin());
        return settings;
    }

    /** The tests' public key as a JWKS document, on a free port of 127.0.0.1. */
    static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
            server.createContext(JWKS_PATH, exchange -> {
                JWKS_FETCHES.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the tests' JWKS", e);
        }
    }

    /** The -D settings that make another instance of the artifact accept the tests' tokens. */
    public static List<String> verificationArguments() {
        return List.of("-D" + VerificationSettings.KEY_LOCATION + "=" + System.getProperty(JWKS_URL),
                "-D" + VerificationSettings.ISSUER + "=" + TestTokens.ISSUER);
    }

    /** A server of the tests' own, on a free port, listening on 127.0.0.1 only (zonky runs it in a user namespace as root). */
    static EmbeddedPostgres startPostgres(String purpose) {
        try {
            return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL for " + purpose, e);
        }
    }

    /** The settings that point the service (Flyway over JDBC, the reactive pool) at that server. */
    static Map<String, String> datasource(EmbeddedPostgres postgres) {
        String address = "127.0.0.1:" + postgres.getPort() + "/postgres";
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + address,
                "quarkus.datasource.reactive.url", "postgresql://" + address,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void stop() {
        System.clearProperty(JDBC_URL);
        if (postgres != null) {
            stopArtifact();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (jwks != null) {
            jwks.stop(0);
            System.clearProperty(JWKS_URL);
        }
    }

    /**
     * Quarkus stops the test resources before the artifact; a server stopped under the running
     * artifact makes it log "terminating connection due to administrator command". So the
     * artifact, a child process of this JVM, is stopped first (SIGTERM, as the launcher would)
     * and closes its connections itself.
     */
    private static void stopArtifact() {
        String artifact = System.getProperty("liaison.it.artifact");
        if (artifact == null) {
            return;
        }
        ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(artifact)).orElse(false))
                .forEach(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        // the launcher's own close follows
                    }
                });
    }
}
