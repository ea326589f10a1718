package org.liaison.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.liaison.web.DashboardPage;

/**
 * With liaison.auth.public-reads=false, every read of /api needs a valid token (of any role, or
 * none). Checked here, in the HTTP layer, rather than on the resources: the stats answers kept
 * in memory are served by a route of their own before the REST layer (StatsHitRoute), and they
 * must not be readable without a token either. What is open is named (Quarkus' /q/: health,
 * OpenAPI; the dashboard's page files) and everything else is closed, so that no other spelling of a path
 * ({@code /%61pi/...}, {@code /api;x/...}) can reach the API around the check.
 */
@ApplicationScoped
public class ReadGate {

    private final AuthConfig config;
    private final ObjectMapper mapper;

    public ReadGate(AuthConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        if (config.publicReads()) {
            return;
        }
        router.route().order(Gates.ORDER).handler(this::check);
    }

    /** A read that needs a token: any GET or HEAD outside /q/ and the dashboard's files. */
    static boolean closedRead(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD) && !path.equals("/q") && !path.startsWith("/q/")
                && !DashboardPage.FILES.contains(path); // no data in them: the page asks for a token for its /api reads
    }

    private void check(RoutingContext ctx) {
        if (!closedRead(ctx)) {
            ctx.next();
            return;
        }
        requireToken(ctx, mapper, ctx::next);
    }

    /** Goes on with {@code then} when the request carries a valid token; answers 401 otherwise. */
    static void requireToken(RoutingContext ctx, ObjectMapper mapper, Runnable then) {
        if (!Gates.sentToken(ctx)) {
            Gates.send(ctx, mapper, BearerProblems.missing(Gates.what(ctx) + " (this instance has liaison.auth.public-reads=false)"));
            return;
        }
        Gates.identity(ctx).subscribe().with(identity -> {
            if (identity.isAnonymous()) { // a header that is no bearer token
                Gates.send(ctx, mapper, BearerProblems.missing(Gates.what(ctx) + " (this instance has liaison.auth.public-reads=false)"));
            } else {
                then.run();
            }
        }, failure -> Gates.send(ctx, mapper, BearerProblems.invalid(failure)));
    }
}
