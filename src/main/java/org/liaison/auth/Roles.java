package org.liaison.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.function.Predicate;

/** What a 403 says about the caller: whose token it is and which of the service's roles it has. */
final class Roles {

    private Roles() {
    }

    static String describe(SecurityIdentity identity) {
        return identity == null ? "" : describe(identity.getPrincipal(), identity::hasRole);
    }

    static String describe(SecurityContext caller) {
        return describe(caller.getUserPrincipal(), caller::isUserInRole);
    }

    private static String describe(Principal who, Predicate<String> has) {
        String subject = who == null || who.getName() == null ? "this token" : "the token of " + who.getName();
        String strongest = Role.ALL.stream().filter(has).findFirst().orElse(null);
        return strongest == null ? subject + " has no role of this service (none of its groups is configured as a role)"
                : subject + " has the " + strongest + " role";
    }
}
