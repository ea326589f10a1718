package org.liaison.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.liaison.exchange.ExchangeFilter;
import org.liaison.exchange.ExchangeFilterParams;
import org.liaison.exchange.ExchangeFilters;
import org.liaison.web.ContentCoding;
import org.liaison.web.Params;
import org.liaison.web.ProblemException;
import org.liaison.web.Representation;

/**
 * Turns a stats request into the parameters of its analytics-sql file, and the rows into the
 * negotiated representation. Answers 304 when the client's ETag (data version + request) is current.
 */
@ApplicationScoped
public class StatsResponder {

    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";
    static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;
    static final String GZIP_ETAG_SUFFIX = "-gz";

    private final StatsService stats;
    private final ExchangeFilters filters;
    private final StatsCache cache;
    private final ObjectMapper mapper;
    private final StatsHitRoute hitRoute;

    public StatsResponder(StatsService stats, ExchangeFilters filters, StatsCache cache, ObjectMapper mapper, StatsHitRoute hitRoute) {
        this.stats = stats;
        this.filters = filters;
        this.cache = cache;
        this.mapper = mapper;
        this.hitRoute = hitRoute;
    }

    @RegisterForReflection
    public record Body(String aggregate, long dataVersion, Map<String, String> parameters, List<Map<String, Object>> rows) {
    }

    /**
     * @param spelling the request as {@link StatsHitRoute} will see it again, or null when it
     *        cannot stand for the request (several Accept headers)
     */
    public Uni<Response> answer(Aggregate aggregate, ExchangeFilterParams filterParams, UriInfo uri, HttpHeaders headers,
            String spelling) {
        Params.only(uri, ExchangeFilterParams.NAMES, aggregate.extra);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        ExchangeFilters.Parsed parsed = filters.parse(filterParams, Representation.NAMES);
        Representation representation = Representation.of(parsed.output(), headers.getHeaderString(HttpHeaders.ACCEPT));
        Map<String, String> parameters = parameters(aggregate, q, parsed.filter());
        boolean summaries = parsed.filter().coveredBySummaries();

        Map<String, String> given = given(aggregate, parameters, q);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean gzip = ContentCoding.acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        // the normalised request: what the answer depends on, whatever order or spelling the query had
        String key = aggregate.file + '\u001f' + parameters + '\u001f' + given.keySet() + '\u001f' + representation.param;
        if (spelling != null && cache.usable()) {
            hitRoute.remember(spelling, key); // valid and normalised: the same spelling means the same key from now on
        }
        StatsCache.Entry hit = cache.servable() ? cache.get(key) : null;
        if (hit != null) {
            return Uni.createFrom().item(ifNoneMatch != null && matches(ifNoneMatch, new EntityTag(hit.etag()))
                    ? notModified(hit.etag(), ifNoneMatch) : response(hit, gzip, ifNoneMatch));
        }
        if (!cache.usable()) {
            return compute(aggregate, parameters, summaries, given, representation, ifNoneMatch, -1).map(e -> response(e, gzip, ifNoneMatch));
        }
        long epoch = cache.epoch();
        return compute(aggregate, parameters, summaries, given, representation, ifNoneMatch, epoch).map(entry -> {
            if (entry.body() != null) {
                cache.put(key, entry);
            }
            return response(entry, gzip, ifNoneMatch);
        });
    }

    /** Runs the aggregate and renders it; a body-less entry means "not modified". */
    private Uni<StatsCache.Entry> compute(Aggregate aggregate, Map<String, String> parameters, boolean summaries,
            Map<String, String> given,
            Representation representation, String ifNoneMatch, long epoch) {
        return stats.dataVersion().chain(version -> {
            String etag = etag(aggregate, parameters, representation, version);
            if (ifNoneMatch != null && matches(ifNoneMatch, new EntityTag(etag))) {
                return Uni.createFrom().item(new StatsCache.Entry(epoch, etag, representation.mediaType, null));
            }
            return stats.run(aggregate, parameters, summaries).map(table -> new StatsCache.Entry(epoch, etag, representation.mediaType,
                    render(aggregate, version, given, parameters, table, representation)));
        });
    }

    private byte[] render(Aggregate aggregate, long version, Map<String, String> given, Map<String, String> parameters, Table table,
            Representation r) {
        if (r != Representation.JSON) {
            return r.render(table.columns(), table.rows()).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> filters = new LinkedHashMap<>(); // in the order the filters are defined
        ExchangeFilterParams.NAMES.forEach(k -> filters.put(k, parameters.getOrDefault(k, "")));
        try {
            return mapper.writeValueAsBytes(new Body(aggregate.file, version, given, RecordLinks.add(aggregate, filters, table.rows())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the " + aggregate.file + " answer as JSON", e);
        }
    }

    private static Response response(StatsCache.Entry e, boolean gzip, String ifNoneMatch) {
        if (e.body() == null) {
            return notModified(e.etag(), ifNoneMatch);
        }
        // gzip is a different representation, so a different strong ETag; If-None-Match accepts both
        StatsCache.Variant sent = e.variant(gzip);
        Response.ResponseBuilder ok = Response.ok(sent.bytes(), e.mediaType()).tag(new EntityTag(sent.etag()));
        if (sent.gzip()) {
            ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return ok.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, VARY)
                .build();
    }

    /** 304 with the ETag of the variant the client holds (the gzip one if that is what it sent). */
    private static Response notModified(String etag, String ifNoneMatch) {
        return Response.notModified(new EntityTag(heldTag(etag, ifNoneMatch))).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, VARY).build();
    }

    static String heldTag(String etag, String ifNoneMatch) {
        return ifNoneMatch != null && ifNoneMatch.contains(etag + GZIP_ETAG_SUFFIX + "\"") ? etag + GZIP_ETAG_SUFFIX : etag;
    }

    /** The file's parameters: the validated filters (locality names resolved to codes) and this aggregate's own. */
    static Map<String, String> parameters(Aggregate aggregate, MultivaluedMap<String, String> q, ExchangeFilter f) {
        Map<String, String> p = new TreeMap<>(f.sqlParameters());
        String dflt = aggregate == Aggregate.LOCALITIES ? "all" : "year";
        String granularity = Params.oneOf("granularity", q.getFirst("granularity"), Set.of("year", "quarter", "month", "all"));
        p.put("granularity", granularity == null ? dflt : granularity);
        p.put("side", nz(Params.country("side", q.getFirst("side"))));
        p.put("top", q.getFirst("top") == null ? "" : String.valueOf(Params.intIn("top", q.getFirst("top"), 0, 1, 1000)));
        return p;
    }

    /** The parameters as they were applied, for the JSON answer: only those the client gave, plus defaults that matter. */
    private static Map<String, String> given(Aggregate a, Map<String, String> applied, MultivaluedMap<String, String> q) {
        Map<String, String> out = new LinkedHashMap<>();
        applied.forEach((k, v) -> {
            if (q.containsKey(k) && !v.isEmpty() || k.equals("granularity") && a.extra.contains(k) || k.equals("boundaries")) {
                out.put(k, v);
            }
        });
        return out;
    }

    static String etag(Aggregate a, Map<String, String> parameters, Representation r, long version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((a.file + parameters + r.param).getBytes(StandardCharsets.UTF_8));
            return "v" + version + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String ifNoneMatch, EntityTag etag) {
        for (String t : ifNoneMatch.split(",")) {
            String v = t.strip().replaceFirst("^W/", "");
            if (v.equals("*") || v.equals("\"" + etag.getValue() + "\"")
                    || v.equals("\"" + etag.getValue() + GZIP_ETAG_SUFFIX + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
