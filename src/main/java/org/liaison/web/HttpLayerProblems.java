package org.liaison.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem documents for what the HTTP layer refuses before any resource runs, which Quarkus and
 * Vert.x answer with a status and no body. One route, the router's first, screens every request
 * in the order the checks would meet it:
 * <ol>
 * <li>a request line longer than liaison.http.max-initial-line-length: 414;</li>
 * <li>headers larger than liaison.http.max-header-size: 431;</li>
 * <li>a request-URI {@code java.net.URI} cannot parse ({@link HttpRequestUri}): 400;</li>
 * <li>an origin or a cross-origin method Quarkus' CORS filter would refuse ({@link HttpOrigins}): 403.</li>
 * </ol>
 * Vert.x' HTTP decoder answers 414 and 431 itself, before any route, at quarkus.http.limits.*;
 * those are therefore set well above the limits enforced here, and only a request beyond them
 * still gets the bare answer. The same route's failure handler answers what the router itself
 * refuses (a request without a Host header, a request-target that is no path) and any failure no
 * one answered. Bodies sent chunked over the size limit: {@link HttpBodyLimit}.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    /**
     * The router's first route for the service: with Quarkus' body handler (when one is installed),
     * and before it, since routes of one order run in the order they were added and this one is added
     * as the router is handed out, before Quarkus adds its own; after the access log. Before the CORS
     * filter (order -300) and the upload limit (-2).
     */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER;
    /** Just after Quarkus' upload limit, which hands the body limit to the REST layer for chunked bodies. */
    static final int AFTER_UPLOAD_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;
    /** "HTTP/1.1": what the request line holds after the method, the URI and two spaces. */
    private static final int VERSION_LENGTH = 8;
    /** The longest piece of a request quoted in a detail. */
    private static final int QUOTED = 200;

    private final ObjectMapper mapper;
    private final HttpOrigins origins;
    private final int maxLine;
    private final long maxHeaders;
    private final int hardLine;
    private final long hardHeaders;

    public HttpLayerProblems(ObjectMapper mapper, HttpOrigins origins,
            @ConfigProperty(name = "liaison.http.max-initial-line-length", defaultValue = "4096") int maxLine,
            @ConfigProperty(name = "liaison.http.max-header-size", defaultValue = "20K") MemorySize maxHeaders,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int hardLine,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K") MemorySize hardHeaders) {
        this.mapper = mapper;
        this.origins = origins;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders.asLongValue();
        this.hardLine = hardLine;
        this.hardHeaders = hardHeaders.asLongValue();
    }

    void install(@Observes Router router) {
        if (maxLine >= hardLine || maxHeaders >= hardHeaders) {
            LOG.warnf("liaison.http.max-initial-line-length (%d) and liaison.http.max-header-size (%d) should stay below "
                    + "quarkus.http.limits.max-initial-line-length (%d) and max-header-size (%d): requests over the latter "
                    + "are refused by Vert.x with an empty 414 or 431", maxLine, maxHeaders, hardLine, hardHeaders);
        }
        router.route().order(ORDER).handler(this::screen).failureHandler(this::failed);
        router.route().order(AFTER_UPLOAD_LIMIT).handler(HttpBodyLimit::raiseQuarkusCount);
    }

    private void screen(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        int line = request.method().name().length() + uri.length() + 2 + VERSION_LENGTH;
        if (line > maxLine) {
            send(ctx, HttpProblem.URI_TOO_LONG.problem("The request line has " + line + " bytes; the service takes at most "
                    + maxLine + " (liaison.http.max-initial-line-length): ask for fewer values at once, or split the request"),
                    null, true);
            return;
        }
        long headers = headerBytes(request);
        if (headers > maxHeaders) {
            send(ctx, HttpProblem.HEADERS_TOO_LARGE.problem("The request headers have " + headers + " bytes; the service takes "
                    + "at most " + maxHeaders + " (liaison.http.max-header-size): send fewer or shorter headers (large cookies "
                    + "are the usual cause)"), null, true);
            return;
        }
        String invalid = HttpRequestUri.problem(uri);
        if (invalid != null) {
            send(ctx, HttpProblem.INVALID_URI.problem(invalid), instance(request), hasBody(request));
            return;
        }
        switch (origins.verdict(request)) {
            case ORIGIN_REFUSED -> {
                ctx.response().putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                String origin = quoted(request.getHeader(HttpHeaders.ORIGIN));
                send(ctx, HttpProblem.ORIGIN_NOT_ALLOWED.problem("Requests from the origin " + origin + " are not allowed: the "
                        + "service answers pages of the origins in quarkus.http.cors.origins only"), request.path(), hasBody(request));
            }
            case METHOD_REFUSED -> {
                // the origin is allowed: let the page read why
                ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, request.getHeader(HttpHeaders.ORIGIN))
                        .putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                send(ctx, HttpProblem.CROSS_ORIGIN_METHOD_NOT_ALLOWED.problem(quoted(request.method().name()) + " is not allowed "
                        + "across origins; allowed: " + origins.methods() + " (quarkus.http.cors.methods)"), request.path(),
                        hasBody(request));
            }
            case ALLOWED -> ctx.next();
        }
    }

    /**
     * What the router refuses itself, and failures of routes no one answered (Quarkus' error handler
     * would answer them with a JSON of its own, not a problem): a missing Host header is 400, a
     * request-target that is no path ({@code OPTIONS *}) 404, anything unexpected a logged 500.
     */
    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next(); // nothing can be said any more
            return;
        }
        HttpServerRequest request = ctx.request();
        int status = ctx.statusCode();
        String instance = instance(request);
        if (status == 400) {
            String detail = request.authority() == null && request.version() != HttpVersion.HTTP_1_0
                    ? "An HTTP/1.1 request needs a Host header naming the service"
                    : "The request could not be read as HTTP";
            send(ctx, HttpProblem.INVALID_REQUEST.problem(detail), instance, hasBody(request));
        } else if (status == 404) {
            send(ctx, Problem.of(ProblemType.NOT_FOUND, "Nothing at " + quoted(request.uri()) + "; the API is described at "
                    + "/q/openapi (Swagger UI: /q/swagger-ui)", List.of()), instance, hasBody(request));
        } else if (status == 405) {
            send(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED, quoted(request.method().name()) + " is not allowed here",
                    List.of()), instance, hasBody(request));
        } else if (status == 413) {
            send(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than the service takes "
                    + "(quarkus.http.limits.max-body-size): split the file", List.of()), instance, true);
        } else if (status >= 400 && status < 500) {
            ctx.next();
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(ctx.failure(), "Unexpected error (incident %s) on %s", incident, request.path());
            send(ctx, Problem.of(ProblemType.INTERNAL, "Unexpected error; quote incident " + incident + " to the operator",
                    List.of()), instance, hasBody(request));
        }
    }

    /** The path, when it is one that may be quoted as the problem's instance. */
    private static String instance(HttpServerRequest request) {
        String path = request.path();
        return path != null && path.startsWith("/") && HttpRequestUri.valid(path) ? path : null;
    }

    /** The size of the header block as Vert.x' decoder counts it: each line's name, ": " and value. */
    static long headerBytes(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + 2 + header.getValue().length();
        }
        return size;
    }

    /** A body the client is sending or about to send, which is not read once the request is refused. */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.strip().equals("0"));
    }

    private static String quoted(String s) {
        if (s == null) {
            return "''";
        }
        return "'" + (s.length() > QUOTED ? s.substring(0, QUOTED) + "…" : s) + "'";
    }

    /**
     * Answers {@code problem}; {@code close}: and closes the connection once it is out, where a body
     * follows that is not read (or, for 414 and 431, as Vert.x' own answer does).
     */
    private void send(RoutingContext ctx, Problem problem, String instance, boolean close) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            return;
        }
        Problem p = instance == null ? problem : problem.at(instance);
        response.setStatusCode(p.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close && ctx.request().version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).endHandler(v -> ctx.request().connection().close());
        }
        try {
            response.end(Buffer.buffer(mapper.writeValueAsBytes(p)));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }
}
