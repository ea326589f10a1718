package org.liaison.stats;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.liaison.web.ContentCoding;

/**
 * Answers a repeated stats request from the cache before it reaches the REST layer. The first
 * request of a given spelling goes through {@link StatsResponder} (validation, normalisation,
 * the SQL), which records here which normalised cache key that spelling means; later ones with
 * the same path, query and Accept header are looked up directly. Profiling a cached
 * {@code /api/stats/summary} showed the REST layer and the parameter handling, not the answer,
 * as the cost of a hit. Anything else (no cache, unknown spelling, an answer of an earlier
 * epoch) falls through to the resource, so this route can only ever serve what the resource
 * served before in the same epoch. CORS and the other HTTP filters run before it.
 */
@Singleton
public class StatsHitRoute {

    /** Spellings remembered; beyond this the map starts afresh (a crawler cannot grow it without bound). */
    static final int MAX_SPELLINGS = 10_000;

    private final StatsCache cache;

    public StatsHitRoute(StatsCache cache) {
        this.cache = cache;
    }

    private final Map<String, String> keyBySpelling = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();

    void register(@Observes Router router) {
        router.get("/api/stats/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    /**
     * What a request's answer depends on as sent: path, raw query and Accept (Accept-Encoding is
     * applied per answer); null when several Accept headers make the spelling ambiguous, and the
     * resource decides every time.
     */
    static String spelling(HttpServerRequest request) {
        List<String> accept = request.headers().getAll(HttpHeaders.ACCEPT);
        if (accept.size() > 1) {
            return null;
        }
        String query = request.query();
        return request.path() + '?' + (query == null ? "" : query) + '\u001f' + (accept.isEmpty() ? "" : accept.get(0));
    }

    void remember(String spelling, String key) {
        if (keyBySpelling.size() >= MAX_SPELLINGS) {
            keyBySpelling.clear();
        }
        keyBySpelling.put(spelling, key);
    }

    /** Requests answered here, for the tests. */
    long served() {
        return served.get();
    }

    private void serve(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String spelling = cache.servable() ? spelling(request) : null;
        String key = spelling == null ? null : keyBySpelling.get(spelling);
        StatsCache.Entry hit = key == null ? null : cache.get(key);
        if (hit == null) {
            ctx.next();
            return;
        }
        served.incrementAndGet();
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, StatsResponder.CACHE_CONTROL).putHeader(HttpHeaders.VARY, StatsResponder.VARY);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && StatsResponder.matches(ifNoneMatch, new EntityTag(hit.etag()))) {
            response.setStatusCode(304).putHeader(HttpHeaders.ETAG, quoted(StatsResponder.heldTag(hit.etag(), ifNoneMatch))).end();
            return;
        }
        StatsCache.Variant sent = hit.variant(ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING)));
        if (sent.gzip()) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.putHeader(HttpHeaders.ETAG, quoted(sent.etag())).putHeader(HttpHeaders.CONTENT_TYPE, hit.mediaType())
                .end(Buffer.buffer(Unpooled.wrappedBuffer(sent.bytes())));
    }

    private static String quoted(String tag) {
        return '"' + tag + '"';
    }
}
