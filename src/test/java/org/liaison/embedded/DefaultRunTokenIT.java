package org.liaison.embedded;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.liaison.exchange.ExchangeResourceTest;

/**
 * The default jar as a new user starts it (README, "The two commands"): no identity provider,
 * so it makes its own signing key and logs an admin token and the file holding it. Anonymous
 * writes are refused (401 problem+json) and change nothing; with the logged token they succeed.
 */
class DefaultRunTokenIT {

    static long version(RunningJar jar) {
        return ((Number) jar.anonymous().get("/api/stats/summary").then().statusCode(200).extract().path("data_version")).longValue();
    }

    @Test
    void anonymousWritesAre401AndTheLoggedAdminTokenWrites() throws Exception {
        try (RunningJar jar = RunningJar.start("default-run-token")) {
            jar.awaitReady();
            Path file = jar.tokenFile();
            assertEquals(jar.adminToken(), Files.readString(file, StandardCharsets.UTF_8).strip());
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file),
                    "the token file is its owner's only");

            String id = jar.http().contentType("application/json").body(ExchangeResourceTest.exchange("2017-06-01", ""))
                    .post("/api/exchanges").then().statusCode(201).extract().path("id");
            String line = ExchangeResourceTest.exchange("2017-06-02", ", \"key\": \"default-run\"").replace("\n", " ");
            java.util.List<Function<RequestSpecification, Response>> writes = java.util.List.of(
                    r -> r.contentType("application/json").body(ExchangeResourceTest.exchange("2017-06-03", "")).post("/api/exchanges"),
                    r -> r.contentType("application/json").body(ExchangeResourceTest.exchange("2017-06-01", ", \"notes\": \"x\""))
                            .put("/api/exchanges/" + id),
                    r -> r.contentType("application/merge-patch+json").body("{\"status\": \"verified\"}").patch("/api/exchanges/" + id),
                    r -> r.delete("/api/exchanges/" + id + "?reason=test"),
                    r -> r.contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/api/exchanges/import"));
            long before = version(jar);
            for (Function<RequestSpecification, Response> w : writes) {
                w.apply(jar.anonymous()).then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", equalTo("Bearer realm=\"liaison\""))
                        .body("type", equalTo("urn:liaison:problem:unauthorized"));
            }
            assertEquals(before, version(jar), "the anonymous writes changed nothing");
            int[] expected = { 201, 200, 200, 204, 200 };
            for (int i = 0; i < writes.size(); i++) {
                writes.get(i).apply(jar.http()).then().statusCode(expected[i]);
            }
            jar.anonymous().get("/api/exchanges/" + id).then().statusCode(404);
            String log = jar.stop();
            assertTrue(log.contains("Writes need a bearer token"), log);
            assertFalse(Files.exists(file), "the token file goes with the run");
        }
    }
}
