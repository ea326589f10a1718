package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.SecurityContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatusFreeImportTest {

    static SecurityContext caller(String name, String... roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Set.of(roles).contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    static String readAll(Reader r) throws IOException {
        try (BufferedReader b = new BufferedReader(r)) {
            return b.lines().collect(Collectors.joining("\n"));
        }
    }

    @Test
    void anEditorsLinesPassAsTheyAreWhileTheyStateNoStatus() throws IOException {
        String body = "\uFEFF{\"date\": \"2020-01-01\", \"notes\": \"the status quo\"}\r\n\n{\"status\": null, \"kind\": \"talks\"}\r{\"a\": {\"status\": \"x\"}}";
        assertEquals("\uFEFF{\"date\": \"2020-01-01\", \"notes\": \"the status quo\"}\n\n{\"status\": null, \"kind\": \"talks\"}\n{\"a\": {\"status\": \"x\"}}",
                readAll(StatusFreeImport.of(new StringReader(body), caller("eddie", Role.EDITOR))));
    }

    @Test
    void theFirstLineStatingAStatusIsRefusedWithItsNumber() {
        String body = "{\"date\": \"2020-01-01\"}\n\n{\"kind\": \"talks\", \"status\": \"draft\"}\n";
        RoleRequired e = assertThrows(RoleRequired.class,
                () -> readAll(StatusFreeImport.of(new StringReader(body), caller("eddie", Role.EDITOR))));
        assertTrue(e.getMessage().startsWith("Line 3 states a status"), e.getMessage());
        assertTrue(e.getMessage().contains("the token of eddie has the editor role"), e.getMessage());
    }

    @Test
    void aReviewersBodyIsNotLookedAt() {
        Reader body = new StringReader("{\"status\": \"verified\"}");
        assertTrue(StatusFreeImport.of(body, caller("rita", Role.REVIEWER, Role.EDITOR)) == body);
    }

    @Test
    void whatIsNotJsonIsLeftToTheImporter() {
        assertFalse(StatusFreeImport.statesStatus("{\"status\": "));
        assertFalse(StatusFreeImport.statesStatus("status"));
        assertTrue(StatusFreeImport.statesStatus("{\"x\": [1, {\"status\": 2}], \"status\": \"rejected\", \"y\": "));
    }
}
