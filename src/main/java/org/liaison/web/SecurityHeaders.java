package org.liaison.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The response headers a security review asks for, on every answer of the HTTP server (the API,
 * the answers the stats route serves from its cache, health, OpenAPI, Swagger UI), added when the
 * headers are sent, so whatever wrote the answer:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser takes the declared type, so a JSON or
 * CSV answer quoting a record's text is never run as HTML or script;</li>
 * <li>{@code Referrer-Policy: no-referrer}: a link followed from a page of the service (a source
 * URL in Swagger UI) tells the other site nothing;</li>
 * <li>{@code Content-Security-Policy}: HTML pages (Swagger UI, when it is served) load scripts,
 * styles and data only from the service itself and cannot be framed; every other answer gets
 * {@code default-src 'none'}, the policy OWASP's REST cheat sheet gives APIs, so an answer opened
 * in a browser runs nothing at all. A 304 gets none: the browser keeps the one of the answer it
 * revalidated.</li>
 * </ul>
 * Requests Vert.x refuses before any route (a request line or headers too long, an unparsable
 * URI) are answered without them, as they are without a body (README, "What the HTTP layer
 * answers itself").
 */
@Singleton
public class SecurityHeaders {

    public static final String NOSNIFF = "nosniff";
    public static final String REFERRER_POLICY = "no-referrer";

    /**
     * Quarkus' Swagger UI page starts itself with an inline script and inline styles, and its
     * icons are data: URIs; everything else comes from the service.
     */
    public static final String HTML_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Everything that is not a page: nothing may load or run, nothing may frame it. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Before the CORS filter and the routes, so that every answer they give has the headers too. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(SecurityHeaders::handle, PRIORITY);
    }

    static void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> add(rc.request().path(), rc.response().getStatusCode(), rc.response().headers()));
        rc.next();
    }

    static void add(String path, int status, MultiMap headers) {
        headers.set("X-Content-Type-Options", NOSNIFF);
        headers.set("Referrer-Policy", REFERRER_POLICY);
        // the dev UI (dev mode only, never in a packaged build) brings its own scripts and websockets
        if (headers.contains("Content-Security-Policy") || path != null && path.startsWith("/q/dev")) {
            return;
        }
        // A 304 has no Content-Type, and a browser merges its headers into the answer it keeps: the API's policy here
        // would become the kept page's, and a reloaded page ran none of its scripts (DashboardBrowserTest reloads it)
        if (status == 304) {
            return;
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        boolean html = type != null && type.regionMatches(true, 0, "text/html", 0, "text/html".length());
        headers.set("Content-Security-Policy", html ? HTML_POLICY : API_POLICY);
    }
}
