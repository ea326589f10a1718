package org.liaison.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.liaison.web.Problem;

/**
 * The answers of the resources' role checks ({@code @RolesAllowed}, {@link RoleRequired}) as
 * problem documents with RFC 6750 challenges, in place of Quarkus' empty 401 and 403.
 */
public class AuthProblemMappers {

    @Inject
    SecurityIdentity identity;

    /** No token (or none the service reads) on a request that needs one. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(BearerProblems.missing(what(request)), request);
    }

    /** A token came and the verifier refused it. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return respond(BearerProblems.invalid(e), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String detail = e instanceof RoleRequired ? e.getMessage()
                : what(request) + " needs the " + Role.neededFor(request == null ? "" : request.method().name()) + " role; "
                        + Roles.describe(identity);
        return respond(BearerProblems.forbidden(detail), request);
    }

    static String what(HttpServerRequest request) {
        return request == null ? "This request" : request.method().name() + " " + request.path();
    }

    static Response respond(BearerProblems.Answer answer, HttpServerRequest request) {
        Problem p = request == null ? answer.problem() : answer.problem().at(request.path());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", answer.challenge()).entity(p).build();
    }
}
