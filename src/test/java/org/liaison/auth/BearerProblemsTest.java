package org.liaison.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BearerProblemsTest {

    @Test
    void challengesFollowRfc6750() {
        assertEquals("Bearer realm=\"liaison\"", BearerProblems.missing("POST /api/exchanges").challenge());
        assertEquals("Bearer realm=\"liaison\", error=\"insufficient_scope\", error_description=\"needs the 'admin' role ?\"",
                BearerProblems.forbidden("needs the \"admin\" role \u2192").challenge());
        assertEquals(401, BearerProblems.invalid(new RuntimeException("x")).problem().status());
    }
}
