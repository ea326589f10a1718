package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationSettingsTest {

    @Test
    void aKeyAnIssuerAndAnAudienceAreNeeded() {
        assertEquals(List.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION (or MP_JWT_VERIFY_PUBLICKEY)", "MP_JWT_VERIFY_ISSUER",
                "MP_JWT_VERIFY_AUDIENCES"), VerificationSettings.missing(p -> false));
        assertEquals(List.of("MP_JWT_VERIFY_ISSUER"), VerificationSettings.missing(
                Set.of(VerificationSettings.KEY, VerificationSettings.AUDIENCES)::contains));
        assertEquals(List.of(), VerificationSettings.missing(
                Set.of(VerificationSettings.KEY_LOCATION, VerificationSettings.ISSUER, VerificationSettings.AUDIENCES)::contains));
    }

    @Test
    void theDefaultAudienceAloneLeavesTheEmbeddedRunItsOwnKey() {
        assertTrue(VerificationSettings.noneSet(Set.of(VerificationSettings.AUDIENCES)::contains));
        assertFalse(VerificationSettings.noneSet(Set.of(VerificationSettings.ISSUER)::contains));
    }

    @Test
    void theMessageNamesTheSettingsAndAnExample() {
        String m = VerificationSettings.message(List.of("MP_JWT_VERIFY_ISSUER"));
        assertTrue(m.contains("Set MP_JWT_VERIFY_ISSUER (README: \"Authentication and roles\")"), m);
        assertTrue(m.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION=https://keycloak.example/realms/liaison/protocol/openid-connect/certs"), m);
    }
}
