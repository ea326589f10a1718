package org.liaison.auth;

import io.quarkus.security.ForbiddenException;

/** A valid token whose roles do not allow this particular change (403, with what it would need). */
public class RoleRequired extends ForbiddenException {

    public RoleRequired(String detail) {
        super(detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an answer, not an incident
    }
}
