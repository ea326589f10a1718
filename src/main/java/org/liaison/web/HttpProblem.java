package org.liaison.web;

import java.util.List;

/**
 * The kinds of problem only the HTTP layer's own routes report ({@link HttpLayerProblems}):
 * what is wrong with a request as HTTP, before any resource could look at it. Same shape and
 * type URIs ({@code urn:liaison:problem:<slug>}) as {@link ProblemType}, whose kinds the
 * resources raise.
 */
enum HttpProblem {
    URI_TOO_LONG("uri-too-long", "The request line is too long", 414),
    HEADERS_TOO_LARGE("headers-too-large", "The request headers are too large", 431),
    INVALID_URI("invalid-uri", "The request URI is not a valid URI", 400),
    INVALID_REQUEST("invalid-request", "The request is not valid HTTP", 400),
    ORIGIN_NOT_ALLOWED("origin-not-allowed", "Requests from this origin are not allowed", 403),
    CROSS_ORIGIN_METHOD_NOT_ALLOWED("cross-origin-method-not-allowed", "This method is not allowed across origins", 403);

    static final String TYPE_PREFIX = "urn:liaison:problem:";

    final String slug;
    final String title;
    final int status;

    HttpProblem(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    Problem problem(String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
    }
}
