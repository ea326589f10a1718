package org.liaison.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.liaison.Database;
import org.liaison.exchange.ExchangeResourceTest;

/**
 * Every write endpoint with real signed tokens (TestTokens' key; against the artifact, through a
 * JWKS as an identity provider serves it: AuthenticationIT): no token, a refused token (expired,
 * another issuer, another audience, a tampered or foreign signature, not a JWT), a token
 * without a role, and the roles' own rights. A refused write changes nothing: the data version,
 * which every committed write moves, stays where it was.
 */
@QuarkusTest
class AuthenticationTest {

    static final String CHALLENGE = "Bearer realm=\"liaison\"";

    /** One write, sent with the given authentication; {@code ok} is its status when allowed. */
    record Write(String name, String method, String path, String contentType, String body, int ok) {
        Response send(RequestSpecification spec) {
            RequestSpecification r = contentType == null ? spec : spec.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
            return r.request(method, path);
        }
    }

    static String keyed(String date) {
        return ExchangeResourceTest.exchange(date, ", \"key\": \"auth-" + UUID.randomUUID() + "\"");
    }

    /** A draft stored with the default (admin) token; its id. */
    static String stored(String date) {
        return given().contentType("application/json").body(keyed(date)).post("/api/exchanges").then().statusCode(201)
                .extract().path("id");
    }

    /** Every write endpoint, on a fresh record. */
    static List<Write> writes() {
        String id = stored("2011-03-01");
        return List.of(
                new Write("create", "POST", "/api/exchanges", "application/json", keyed("2011-03-02"), 201),
                new Write("replace", "PUT", "/api/exchanges/" + id, "application/json", keyed("2011-03-03"), 200),
                new Write("patch", "PATCH", "/api/exchanges/" + id, "application/merge-patch+json", "{\"notes\": \"patched\"}", 200),
                new Write("import", "POST", "/api/exchanges/import", "application/x-ndjson", keyed("2011-03-04").replace("\n", " "), 200),
                new Write("store article", "POST", "/api/articles", "application/json",
                        "{\"url\": \"https://example.org/auth/" + UUID.randomUUID() + "\", \"text\": \"Nothing happened.\"}", 200),
                new Write("delete", "DELETE", "/api/exchanges/" + id + "?reason=test", null, null, 204));
    }

    static long dataVersion() {
        return Database.count("select version from data_version");
    }

    static RequestSpecification anonymous() {
        return given().auth().none();
    }

    static RequestSpecification bearer(String token) {
        return given().auth().none().header("Authorization", "Bearer " + token);
    }

    @Test
    void everyWriteWithoutATokenIs401ProblemAndChangesNothing() {
        for (Write w : writes()) {
            long version = dataVersion();
            w.send(anonymous()).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo(CHALLENGE))
                    .body("type", equalTo(BearerProblems.UNAUTHORIZED)).body("status", equalTo(401))
                    .body("detail", containsString("needs a bearer token"));
            assertEquals(version, dataVersion(), w.name() + " changed data without a token");
        }
    }

    /** A token the verifier must refuse, and words of the refusal. */
    record Refused(String what, String why, Supplier<String> token) {
    }

    static List<Refused> refusedTokens() {
        long now = Instant.now().getEpochSecond();
        return List.of(
                new Refused("expired", "has expired",
                        () -> TestTokens.sign(TestTokens.claims("late", Role.ADMIN).issuedAt(now - 7200).expiresAt(now - 600))),
                new Refused("another issuer", "not issued by the issuer this service trusts", () -> TestTokens.sign(
                        TestTokens.claims("stranger", Role.ADMIN).issuer("https://idp.elsewhere.example/realms/other"))),
                new Refused("another audience", "not meant for this service",
                        () -> TestTokens.sign(TestTokens.claims("stranger", Role.ADMIN).audience("another-service"))),
                new Refused("a tampered signature", "signature does not verify", () -> tamperedSignature(TestTokens.admin())),
                new Refused("claims rewritten", "signature does not verify", () -> escalated(TestTokens.token("visitor", "visitor"))),
                new Refused("another key", "signature does not verify", () -> TestTokens.claims("forger", Role.ADMIN).jws()
                        .keyId(TestTokens.KEY_ID).sign(TestTokens.otherKeys().getPrivate())),
                new Refused("not a JWT", "not a signed JSON Web Token", () -> "not-a-jwt"));
    }

    /** The same token with one character of its signature changed. */
    static String tamperedSignature(String token) {
        int at = token.lastIndexOf('.') + 5;
        char c = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + c + token.substring(at + 1);
    }

    /** A visitor's token whose claims were rewritten to make it an admin's, signature kept. */
    static String escalated(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"visitor\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    @Test
    void refusedTokensAre401InvalidTokenSayingWhyAndChangeNothing() {
        List<Write> writes = writes();
        for (Refused t : refusedTokens()) {
            String token = t.token().get();
            for (Write w : writes) {
                long version = dataVersion();
                w.send(bearer(token)).then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", startsWith(CHALLENGE + ", error=\"invalid_token\", error_description=\""))
                        .header("WWW-Authenticate", containsString(t.why()))
                        .body("type", equalTo(BearerProblems.UNAUTHORIZED)).body("detail", containsString(t.why()));
                assertEquals(version, dataVersion(), w.name() + " changed data with a token of " + t.what());
            }
        }
    }

    @Test
    void aValidTokenWithoutARoleIs403ProblemAndChangesNothing() {
        String visitor = TestTokens.token("visitor", "visitor", "offline_access");
        for (Write w : writes()) {
            long version = dataVersion();
            w.send(bearer(visitor)).then().statusCode(403).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith(CHALLENGE + ", error=\"insufficient_scope\""))
                    .body("type", equalTo(BearerProblems.FORBIDDEN))
                    .body("detail", containsString("needs the " + (w.method().equals("DELETE") ? "admin" : "editor") + " role"))
                    .body("detail", containsString("the token of visitor has no role"));
            assertEquals(version, dataVersion(), w.name() + " changed data without a role");
        }
    }

    @Test
    void eachWriteSucceedsWithTheAdminToken() {
        String admin = TestTokens.admin();
        for (Write w : writes()) {
            long version = dataVersion();
            w.send(bearer(admin)).then().statusCode(w.ok());
            if (!w.name().equals("store article")) { // an article without an exchange stores nothing
                assertEquals(version + 1, dataVersion(), w.name());
            }
        }
    }

    @Test
    void anEditorWritesDraftsButNeitherReviewsNorDeletes() {
        String editor = TestTokens.token("eddie", Role.EDITOR);
        String id = bearer(editor).contentType("application/json").body(keyed("2011-04-01")).post("/api/exchanges")
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("id");
        bearer(editor).contentType("application/merge-patch+json").body("{\"notes\": \"a correction\"}").patch("/api/exchanges/" + id)
                .then().statusCode(200).body("notes", equalTo("a correction"));
        long version = dataVersion();
        bearer(editor).contentType("application/merge-patch+json").body("{\"status\": \"verified\"}").patch("/api/exchanges/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(BearerProblems.FORBIDDEN))
                .body("detail", containsString("from draft to verified needs the reviewer role"))
                .body("detail", containsString("the token of eddie has the editor role"));
        bearer(editor).delete("/api/exchanges/" + id).then().statusCode(403).body("detail", containsString("needs the admin role"));
        bearer(editor).contentType("application/json").body(ExchangeResourceTest.exchange("2011-04-02", ", \"status\": \"verified\""))
                .post("/api/exchanges").then().statusCode(403).body("detail", containsString("as verified needs the reviewer role"));
        String twoLines = keyed("2011-04-03").replace("\n", " ") + "\n"
                + ExchangeResourceTest.exchange("2011-04-04", ", \"key\": \"auth-v\", \"status\": \"verified\"").replace("\n", " ") + "\n";
        bearer(editor).contentType("application/x-ndjson").body(twoLines.getBytes(StandardCharsets.UTF_8)).post("/api/exchanges/import").then().statusCode(403)
                .body("detail", startsWith("Line 2 states a status")).body("detail", containsString("nothing was imported"));
        assertEquals(version, dataVersion(), "the refused writes changed nothing");
        given().get("/api/exchanges/" + id).then().body("status", equalTo("draft"));

        bearer(editor).contentType("application/x-ndjson").body(keyed("2011-04-05").replace("\n", " ").getBytes(StandardCharsets.UTF_8)).post("/api/exchanges/import")
                .then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void aReviewerReviewsAndCorrectsButOnlyAnAdminDeletes() {
        String editor = TestTokens.token("eddie", Role.EDITOR);
        String reviewer = TestTokens.token("rita", Role.REVIEWER);
        String id = stored("2011-05-01");
        bearer(reviewer).contentType("application/merge-patch+json").body("{\"status\": \"verified\", \"notes\": \"checked\"}")
                .patch("/api/exchanges/" + id).then().statusCode(200).body("status", equalTo("verified")).body("notes", equalTo("checked"));

        // a PUT without "status" would set draft: a change of status the editor may not make
        String body = keyed("2011-05-01");
        bearer(editor).contentType("application/json").body(body).put("/api/exchanges/" + id).then().statusCode(403)
                .body("detail", containsString("from verified to draft needs the reviewer role"))
                .body("detail", containsString("send the stored status (verified)"));
        // stating the stored status, an editor's correction keeps the verdict
        bearer(editor).contentType("application/json").body(body.replace("\"venue\"", "\"status\": \"verified\", \"venue\""))
                .put("/api/exchanges/" + id).then().statusCode(200).body("status", equalTo("verified"));

        bearer(reviewer).delete("/api/exchanges/" + id).then().statusCode(403).body("detail", containsString("needs the admin role"))
                .body("detail", containsString("the token of rita has the reviewer role"));
        bearer(TestTokens.admin()).delete("/api/exchanges/" + id + "?reason=test").then().statusCode(204);
        given().get("/api/exchanges/" + id).then().statusCode(404);
    }

    @Test
    void readsNeedNoToken() {
        anonymous().get("/api/exchanges?limit=1").then().statusCode(200);
        anonymous().get("/api/stats/summary").then().statusCode(200);
        // a read does not verify a token it does not need: a stale one still reads
        bearer(tamperedSignature(TestTokens.admin())).get("/api/exchanges?limit=1").then().statusCode(200);
    }
}
