package org.liaison.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A write of the API takes one query parameter at most: {@code reason}, the why the audit trail
 * records beside its changes (what a write changes is in its body and its path). Any other one
 * on a POST, PUT, PATCH or DELETE is a 400 naming it, like an unknown parameter on a read, and so
 * is a reason given twice, longer than {@value #MAX_REASON} characters or with a control
 * character: one rule for every write endpoint, so that a new one cannot forget it.
 */
public class WriteParameters {

    public static final String REASON = "reason";
    public static final int MAX_REASON = 500;
    /** For the OpenAPI descriptions of the writes. */
    public static final String REASON_DESCRIPTION = "Why (recorded in the audit trail, GET /api/exchanges/{id}/history): "
            + "at most 500 characters, no control characters.";

    /** The 400 is a ProblemException, answered by {@link ProblemMappers} like any other. */
    @ServerRequestFilter
    public void refuse(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")
                && request.getUriInfo().getPath().startsWith("/api/")) {
            UriInfo uri = request.getUriInfo();
            Params.only(uri, List.of(REASON));
            reason(uri);
        }
    }

    /** A reason as the filter took it (the decoded query parameter), stripped; null for none or a blank one. */
    public static String text(String reason) {
        String r = reason == null ? null : Params.text(reason).strip();
        return r == null || r.isEmpty() ? null : r;
    }

    /** The request's reason, checked, stripped; null when none (or a blank one) was given. */
    static String reason(UriInfo uri) {
        List<String> values = uri.getQueryParameters().get(REASON);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalidParameter(REASON, Params.text(values.get(1)), "is given " + values.size()
                    + " times; it takes one value");
        }
        String reason = Params.text(values.get(0)).strip();
        String problem = TextCheck.problem(reason);
        if (problem == null && reason.codePoints().anyMatch(Character::isISOControl)) {
            problem = "contains a control character (a line break, tab or the like); write the reason on one line";
        }
        if (problem == null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
            problem = "is " + reason.codePointCount(0, reason.length()) + " characters long; at most " + MAX_REASON;
        }
        if (problem != null) {
            throw ProblemException.invalidParameter(REASON, reason, problem);
        }
        return reason.isEmpty() ? null : reason;
    }
}
