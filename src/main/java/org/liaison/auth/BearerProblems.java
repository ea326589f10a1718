package org.liaison.auth;

import java.util.List;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;
import org.liaison.web.Problem;

/**
 * The answers of a request that lacks the right token: a problem document with a stable type
 * and the {@code WWW-Authenticate} challenge of RFC 6750 (section 3): 401 without an error code
 * when no token came, 401 {@code invalid_token} for a token that does not verify (with what is
 * wrong with it, so that a client can tell an expired token from one of another issuer), 403
 * {@code insufficient_scope} for a valid token without the role.
 */
public final class BearerProblems {

    public static final String UNAUTHORIZED = "urn:liaison:problem:unauthorized";
    public static final String FORBIDDEN = "urn:liaison:problem:forbidden";
    static final String REALM = "liaison";
    static final String HOW = "send Authorization: Bearer <token> (README: \"Authentication and roles\")";

    /** What to send: the problem and the WWW-Authenticate value. */
    public record Answer(Problem problem, String challenge) {
    }

    private BearerProblems() {
    }

    public static Answer missing(String what) {
        return new Answer(new Problem(UNAUTHORIZED, "Authentication required", 401, what + " needs a bearer token: " + HOW,
                null, List.of()), "Bearer realm=\"" + REALM + "\"");
    }

    /** A token came and was refused; {@code failure} is the verifier's exception. */
    public static Answer invalid(Throwable failure) {
        String reason = reason(failure);
        return new Answer(new Problem(UNAUTHORIZED, "Authentication required", 401, "The bearer token was refused: " + reason,
                null, List.of()), "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
                        + quotable(reason) + "\"");
    }

    public static Answer forbidden(String detail) {
        return new Answer(new Problem(FORBIDDEN, "Not allowed with this token's roles", 403, detail, null, List.of()),
                "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", error_description=\"" + quotable(detail) + "\"");
    }

    /** Why the verifier refused a token, in words that name no internals (and no key). */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException e) {
                if (e.hasExpired()) {
                    return "it has expired";
                }
                if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "its signature does not verify with this service's key";
                }
                if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "it is not issued by the issuer this service trusts";
                }
                if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "it is not meant for this service (audience)";
                }
                if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
                    return "it is not valid yet";
                }
                if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
                    return "it has no exp or no iat claim";
                }
            }
            if (t instanceof UnresolvableKeyException) {
                return "no key of this service's verifies it (an unknown key id, or the key set could not be read)";
            }
        }
        return "it is not a signed JSON Web Token this service can verify";
    }

    /** RFC 6750 error_description: printable ASCII without '"' and '\'. */
    static String quotable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append(c == '"' ? '\'' : c >= 0x20 && c <= 0x7e && c != '\\' ? c : '?');
        }
        return b.toString();
    }
}
