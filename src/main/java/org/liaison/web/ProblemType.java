package org.liaison.web;

/** The kinds of problem the API reports; each has a stable type URI {@code urn:liaison:problem:<slug>}. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "The request body could not be read", 400),
    /** A request the HTTP layer could not take as it came (no usable Host header, say): not its body, not a parameter. */
    BAD_REQUEST("bad-request", "The request could not be read", 400),
    INVALID_PARAMETER("invalid-parameter", "A query parameter is invalid", 400),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed on this resource", 405),
    NOT_ACCEPTABLE("not-acceptable", "None of the accepted media types can be produced", 406),
    REQUEST_TIMEOUT("request-timeout", "The request body did not arrive in time", 408),
    CONFLICT("conflict", "The request conflicts with the current data", 409),
    PRECONDITION_FAILED("precondition-failed", "The resource changed since it was read", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body's media type is not supported", 415),
    VALIDATION("validation", "The data is invalid", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests of this kind at once", 429),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "The service is not ready", 503),
    /** A query cancelled at its time limit (liaison.stats.query-timeout): the database is not down. */
    QUERY_TIMEOUT("query-timeout", "The query took too long", 503);

    /**
     * The problem of a status decided before any resource ran (the HTTP layer, Vert.x Web): the
     * kind of that status, or {@link #BAD_REQUEST} for another 4xx and {@link #INTERNAL} for a 5xx.
     */
    public static ProblemType forStatus(int status) {
        if (status >= 500) {
            return INTERNAL;
        }
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED_REQUEST && t != INVALID_PARAMETER) {
                return t;
            }
        }
        return BAD_REQUEST;
    }

    public final String slug;
    public final String title;
    public final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }
}
