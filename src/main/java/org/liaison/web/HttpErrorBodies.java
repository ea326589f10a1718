package org.liaison.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem bodies for the failures the HTTP layer decides before any resource runs: a body whose
 * Content-Length is over quarkus.http.limits.max-body-size (413; Quarkus' own check, route order
 * -2, answers with an empty body, so this route runs just before it with the same rule), an API
 * request without a usable Host (400), and any failure of the router itself, such as an HTTP/1.1
 * request without a valid Host header, which Quarkus' error handler would answer with a JSON
 * body of its own ({"details": "Error id …", "stack": …}).
 */
@ApplicationScoped
public class HttpErrorBodies {

    /** Just before Quarkus' upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    private static final Logger LOG = Logger.getLogger(HttpErrorBodies.class);

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public HttpErrorBodies(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBody) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {

        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                // the body will not be read: close the connection once the answer is out, as Quarkus' check does
                ctx.response().putHeader("Connection", "close").endHandler(v -> ctx.request().connection().close());
                send(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body has " + length.strip() + " bytes; the service "
                        + "takes at most " + maxBodyBytes + " (quarkus.http.limits.max-body-size): split the file", List.of()));
                return;
            }
            if (ctx.request().path() != null && ctx.request().path().startsWith("/api/") && ctx.request().absoluteURI() == null) {
                // an HTTP/1.0 request without Host: the API builds absolute links (next, Location) from it
                send(ctx, Problem.of(ProblemType.BAD_REQUEST, "The request has no Host header: the API answers with absolute "
                        + "links (next, Location), built from it; send Host (HTTP/1.1 requires it, HTTP/1.0 clients may send it)",
                        List.of()));
                return;
            }
            ctx.next();
        });
        // runs before Quarkus' error handler (the router's last failure handler), for every failure not answered yet
        router.route().order(ORDER).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = ctx.failure() instanceof io.vertx.ext.web.handler.HttpException h ? h.getStatusCode() : ctx.statusCode();
        if (status < 400 || status >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(ctx.failure(), "Unexpected error (incident %s) on %s", incident, ctx.request().path());
            send(ctx, Problem.of(ProblemType.INTERNAL, "Unexpected error; quote incident " + incident + " to the operator", List.of()));
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String message = ctx.failure() == null ? null : ctx.failure().getMessage();
        String detail = message != null && message.contains("'Host' header")
                ? "The request has no valid Host header (HTTP/1.1 requires one, as host or host:port)"
                : type.title;
        LOG.debugf("Refused a request to %s with %d: %s", ctx.request().path(), status, message);
        send(ctx, Problem.of(type, detail, List.of()).withStatus(status));
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Quarkus and Vert.x refuse a malformed length themselves
        }
    }

    private void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            String path = ctx.request().path();
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(path == null ? problem : problem.at(path)));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
