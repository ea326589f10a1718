package org.liaison.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.liaison.web.Problem;
import org.liaison.web.ProblemType;

/**
 * POST /api/articles/extract runs the extractor for anyone (a dry run, no role needed), so it
 * takes a small body only ({@link ExtractLimits#maxBodySize()}: 413 beyond, 411 for a body of
 * unannounced length, which could otherwise be read up to the service-wide limit) and a client
 * without a role of the service (anonymous, or a token whose groups name none) may call it
 * {@link ExtractLimits#perMinute()} times a minute per IP address (429 with Retry-After beyond).
 * Callers with a role are not counted: they may store articles, which runs the same extraction.
 * With liaison.auth.public-reads=false it needs a valid token, like the reads.
 */
@ApplicationScoped
public class ExtractGate {

    static final String PATH = "/api/articles/extract";
    static final String LENGTH_REQUIRED = "urn:liaison:problem:length-required";

    private final ExtractLimits limits;
    private final AuthConfig auth;
    private final ObjectMapper mapper;
    private final RateLimiter limiter;

    public ExtractGate(ExtractLimits limits, AuthConfig auth, ObjectMapper mapper) {
        this.limits = limits;
        this.auth = auth;
        this.mapper = mapper;
        this.limiter = new RateLimiter(limits.perMinute(), limits.burst(), System::nanoTime);
    }

    void install(@Observes Router router) {
        router.route().order(Gates.ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST || !PATH.equals(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        long max = limits.maxBodySize().asLongValue();
        if (length == null && ctx.request().getHeader("Transfer-Encoding") != null) {
            refuse(ctx, new Problem(LENGTH_REQUIRED, "Content-Length required", 411, "Send the article with a Content-Length "
                    + "(curl -d does); this endpoint takes at most " + max + " bytes (liaison.extract.max-body-size)", null,
                    List.of()), null);
            return;
        }
        if (length != null && tooLong(length, max)) {
            ctx.response().putHeader("Connection", "close").endHandler(v -> ctx.request().connection().close());
            refuse(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body has " + length.strip() + " bytes; extract takes at "
                    + "most " + max + " (liaison.extract.max-body-size)", List.of()), null);
            return;
        }
        if (!auth.publicReads()) {
            ReadGate.requireToken(ctx, mapper, () -> countByRole(ctx));
        } else if (Gates.sentToken(ctx)) {
            countByRole(ctx);
        } else {
            count(ctx, false);
        }
    }

    /** A token that does not verify counts as none: the dry run needs no token. */
    private void countByRole(RoutingContext ctx) {
        Gates.identity(ctx).subscribe().with(identity -> count(ctx, hasRole(identity)), refused -> count(ctx, false));
    }

    private void count(RoutingContext ctx, boolean exempt) {
        long wait = exempt ? 0 : limiter.acquire(client(ctx));
        if (wait == 0) {
            ctx.next();
            return;
        }
        refuse(ctx, Problem.of(ProblemType.TOO_MANY_REQUESTS, "At most " + limits.perMinute() + " extractions a minute (bursts of "
                + limits.burst() + ") per client without a role (liaison.extract.per-minute); try again in " + wait + " s",
                List.of()), String.valueOf(wait));
    }

    private static boolean hasRole(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.hasRole(Role.EDITOR);
    }

    /** The client's address (with quarkus.http.proxy.proxy-address-forwarding, the one the proxy names). */
    static String client(RoutingContext ctx) {
        var address = ctx.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    private void refuse(RoutingContext ctx, Problem problem, String retryAfter) {
        if (!ctx.request().isEnded()) {
            ctx.request().resume(); // read and drop what was sent, or the connection stalls
        }
        Gates.send(ctx, mapper, problem, retryAfter == null ? null : "Retry-After", retryAfter);
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }
}
