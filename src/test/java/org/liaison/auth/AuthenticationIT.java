package org.liaison.auth;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.liaison.ItDatabase;

/**
 * The same tests against the artifact in the prod profile (the jar, or the native executable
 * with -Dnative), which verifies tokens as with a real Keycloak: through the JWKS that
 * ItDatabase serves (a signing key under its kid beside an encryption key) and the realm's issuer.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ItDatabase.class, restrictToAnnotatedClass = true)
class AuthenticationIT extends AuthenticationTest {

    @Test
    void theKeysComeFromTheJwksAndAnUnknownKeyIdIsRefused() {
        eachWriteSucceedsWithTheAdminToken();
        assertTrue(ItDatabase.JWKS_FETCHES.get() > 0, "the artifact never fetched the JWKS");
        String unknownKid = TestTokens.claims("stranger", Role.ADMIN).jws().keyId("rotated-away").sign(TestTokens.otherKeys().getPrivate());
        bearer(unknownKid).contentType("application/json").body(keyed("2011-06-01")).post("/api/exchanges").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }
}
