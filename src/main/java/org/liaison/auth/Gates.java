package org.liaison.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;
import org.liaison.web.Problem;

/**
 * What the HTTP-layer checks of this package share ({@link ReadGate}, {@link ExtractGate}):
 * the caller's identity, resolved only when asked for (quarkus.http.auth.proactive=false), and
 * problem answers written before any resource runs.
 */
final class Gates {

    /** After Quarkus' authentication (-200) and body-size checks (-3, -2); before the stats cache route and the REST layer. */
    static final int ORDER = -1;

    private Gates() {
    }

    /**
     * The caller, verified now if a token came. A refused token fails the Uni; Quarkus' own
     * answer to that (an empty 401) is switched off for this request, the gate answers itself.
     */
    static Uni<SecurityIdentity> identity(RoutingContext ctx) {
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        return QuarkusHttpUser.getSecurityIdentity(ctx, null);
    }

    static boolean sentToken(RoutingContext ctx) {
        return ctx.request().getHeader("Authorization") != null;
    }

    static void send(RoutingContext ctx, ObjectMapper mapper, Problem problem, String header, String value) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        var response = ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (header != null) {
            response.putHeader(header, value);
        }
        try {
            response.end(mapper.writeValueAsString(problem.at(ctx.request().path())));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }

    static void send(RoutingContext ctx, ObjectMapper mapper, BearerProblems.Answer answer) {
        send(ctx, mapper, answer.problem(), "WWW-Authenticate", answer.challenge());
    }

    static String what(RoutingContext ctx) {
        return ctx.request().method().name() + " " + ctx.request().path();
    }
}
