package org.liaison.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who may read and write. The tokens themselves are verified by smallrye-jwt from the
 * {@code mp.jwt.verify.*} settings (issuer, audience, public key or JWKS location; see
 * {@link VerificationSettings}).
 */
@ConfigMapping(prefix = "liaison.auth")
public interface AuthConfig {

    /** Reads (every GET of /api) need no token. Off: they need a valid token (any role, or none); /q/health stays open. */
    @WithDefault("true")
    boolean publicReads();

    Roles roles();

    /** The names under which tokens carry each role in their groups claim (smallrye.jwt.path.groups). */
    interface Roles {
        @WithDefault(Role.EDITOR)
        String editor();

        @WithDefault(Role.REVIEWER)
        String reviewer();

        @WithDefault(Role.ADMIN)
        String admin();
    }
}
