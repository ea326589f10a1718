package org.liaison.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into application/problem+json. Unexpected errors are logged with an
 * incident id and answered with that id only: no stack trace or SQL reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response respond(Problem problem, HttpServerRequest request) {
        Problem p = request == null ? problem : problem.at(request.path());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        if (e.retryAfter() == null) {
            return respond(e.problem(), request);
        }
        Problem p = request == null ? e.problem() : e.problem().at(request.path());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfter()).entity(p).build();
    }

    /** The database is down or out of connections: 503 with Retry-After, logged once per failure without a trace. */
    private Response outage(Throwable e, HttpServerRequest request) {
        LOG.warnf("Database unavailable on %s: %s", request == null ? "?" : request.path(), e.getMessage());
        return problem(DatabaseOutage.problem(), request);
    }

    /** More specific than Quarkus' own mapper for this type, which answers an empty 400. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        FieldError error = JsonErrors.fieldError(e);
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, error.field() + ": " + error.reason(), List.of(error)), request);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    // "list.limit" -> "limit": the method name is noise for a client.
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    return FieldError.of(field, String.valueOf(v.getInvalidValue()), v.getMessage());
                })
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).reduce((a, b) -> a + "; " + b).orElse("");
        return respond(Problem.of(ProblemType.INVALID_PARAMETER, detail, errors), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, request);
        }
        ProblemType type;
        if (e instanceof NotFoundException) {
            type = ProblemType.NOT_FOUND;
        } else if (e instanceof NotAllowedException) {
            type = ProblemType.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotAcceptableException) {
            type = ProblemType.NOT_ACCEPTABLE;
        } else if (e instanceof NotSupportedException) {
            type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
        } else if (e.getResponse().getStatus() == 413) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
        } else if (e.getResponse().getStatus() < 500) {
            type = ProblemType.MALFORMED_REQUEST;
        } else {
            return unexpected(e, request);
        }
        // Quarkus' own messages name its internals ("@Consumes", "target resource method"): say what the client can do
        String detail = switch (type) {
            case NOT_FOUND -> "Nothing at " + (request == null ? "this path" : request.path())
                    + "; the API is described at /q/openapi (Swagger UI: /q/swagger-ui)";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type '" + header(request, "Content-Type") + "' is not accepted here; send "
                    + accepted(request);
            case NOT_ACCEPTABLE -> "Accept '" + header(request, "Accept") + "' names no media type this endpoint answers "
                    + "with; see /q/openapi for each endpoint's media types";
            case METHOD_NOT_ALLOWED -> (request == null ? "This method" : request.method().name()) + " is not allowed here; "
                    + "allowed: " + String.join(", ", e.getResponse().getAllowedMethods());
            default -> type.title;
        };
        Problem p = Problem.of(type, detail, List.of());
        Response r = respond(p, request);
        if (e instanceof NotAllowedException) {
            return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
        }
        return r;
    }

    private static String header(HttpServerRequest request, String name) {
        String v = request == null ? null : request.getHeader(name);
        return v == null ? "" : v;
    }

    /** What a body may be sent as: the import takes NDJSON, PATCH a merge patch, everything else JSON. */
    private static String accepted(HttpServerRequest request) {
        String path = request == null ? "" : request.path();
        if (path.endsWith("/import")) {
            return MediaTypes.NDJSON + " (also text/plain, application/octet-stream), e.g. curl --data-binary @file.ndjson "
                    + "-H 'Content-Type: " + MediaTypes.NDJSON + "'";
        }
        if (request != null && request.method().name().equals("PATCH")) {
            return MediaTypes.MERGE_PATCH + " or application/json";
        }
        return "application/json, e.g. curl -H 'Content-Type: application/json' --data @exchange.json";
    }

    /**
     * A body that could not be read to its end: over the limit when sent chunked (Quarkus REST's
     * input stream has then answered an empty 413 and closed the connection itself), or stalled past
     * quarkus.http.read-timeout (the connection is closed). A client's doing, not an incident.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, HttpServerRequest request) {
        if (DatabaseOutage.is(e)) {
            return outage(e, request);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("Request too large")) {
            return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than the service takes "
                    + "(quarkus.http.limits.max-body-size)", List.of()), request);
        }
        if (msg.contains("Read timed out") || msg.contains("Connection was closed")) {
            LOG.debugf("A request body stopped arriving on %s: %s", request == null ? "?" : request.path(), msg);
            return respond(Problem.of(ProblemType.REQUEST_TIMEOUT, "The body stopped arriving before its end", List.of()), request);
        }
        return unexpected(e, request);
    }


    /** A 4xx from Vert.x Web (a handler before the resource refused the request): the client's doing, in our words. */
    @ServerExceptionMapper
    public Response vertxHttp(io.vertx.ext.web.handler.HttpException e, HttpServerRequest request) {
        if (e.getStatusCode() >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = ProblemType.forStatus(e.getStatusCode());
        return respond(Problem.of(type, type.title, List.of()).withStatus(e.getStatusCode()), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseOutage.is(e)) {
            return outage(e, request);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error (incident %s) on %s", incident, request == null ? "?" : request.path());
        return respond(Problem.of(ProblemType.INTERNAL, "Unexpected error; quote incident " + incident
                + " to the operator", List.of()), request);
    }
}
