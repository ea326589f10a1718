package org.liaison.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem bodies for the failures the HTTP layer decides before any resource runs: a body whose
 * Content-Length is over quarkus.http.limits.max-body-size (413). Quarkus' own check (route
 * order -2) answers with an empty body; this route runs just before it with the same rule.
 */
@ApplicationScoped
public class HttpErrorBodies {

    /** Just before Quarkus' upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

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
            ctx.next();
        });
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
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem.at(ctx.request().path())));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
