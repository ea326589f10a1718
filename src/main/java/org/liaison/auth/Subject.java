package org.liaison.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whose token a request carries, as the audit trail names the writer: the token's {@code sub};
 * without one, its {@code upn} or {@code preferred_username} (the principal's name prefers
 * those to {@code sub}, so it is not used first: two accounts may share a display name, not a
 * subject).
 */
public final class Subject {

    private Subject() {
    }

    /** The caller's subject; null for a request without a verified token. */
    public static String of(SecurityContext caller) {
        Principal who = caller == null ? null : caller.getUserPrincipal();
        if (who instanceof JsonWebToken token) {
            for (String value : new String[] { token.getSubject(), token.getClaim(Claims.upn.name()),
                    token.getClaim(Claims.preferred_username.name()) }) {
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
        }
        return who == null || who.getName() == null || who.getName().isBlank() ? null : who.getName();
    }
}
