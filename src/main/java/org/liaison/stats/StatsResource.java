package org.liaison.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liaison.exchange.ExchangeFilterParams;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aggregates over the exchanges, one per analytics-sql file. Every endpoint takes the common
 * filters (from, to, level, format, kind, country, locality, theme, domain, status) and answers
 * JSON, CSV (Accept: text/csv or ?format=csv) or an aligned table (Accept: text/plain or
 * ?format=table), with an ETag that changes on any write. In JSON each row also carries
 * {@code records}: the list of the exchanges it counts ({@link RecordLinks}).
 */
@Path("/api/stats")
@Tag(name = "Analytics")
public class StatsResource {

    private final StatsResponder responder;

    // request-scoped: Quarkus REST injects them into the resource per request
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @Context
    HttpServerRequest request;

    public StatsResource(StatsResponder responder) {
        this.responder = responder;
    }

    private Uni<Response> answer(Aggregate a, ExchangeFilterParams filters) {
        return responder.answer(a, filters, uri, headers, StatsHitRoute.spelling(request));
    }

    @GET
    @Path("themes")
    @Operation(summary = "Exchanges per theme per period", description = "granularity=year (default) | quarter | month | all; "
            + "domain also limits the rows to that domain's themes; top=N keeps the N themes most discussed over the range. "
            + "share = exchanges / period_exchanges (the exchanges of that period under the same filters). Only the cells with "
            + "exchanges are rows; the periods of the series are those of /api/stats/timeline. In JSON each row's records is "
            + "the list of its exchanges (the same filters, the period as from/to, theme=the row's), or null when the request's "
            + "own theme filter names other themes only.")
    @Parameter(in = ParameterIn.QUERY, name = "granularity", description = "year | quarter | month | all")
    @Parameter(in = ParameterIn.QUERY, name = "top", description = "1-1000")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "themes", value = """
                    {"aggregate": "themes", "data_version": 15, "parameters": {"granularity": "year", "boundaries": "as-named"},
                     "rows": [{"period": "2017", "theme": "border-management", "domain": "security",
                               "exchanges": 1, "period_exchanges": 2, "share": 0.5,
                               "records": "/api/exchanges?from=2017-01-01&to=2017-12-31&theme=border-management"}]}""")))
    public Uni<Response> themes(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.THEMES, filters);
    }

    @GET
    @Path("domains")
    @Operation(summary = "Exchanges per domain per period", description = "An exchange counts once for a domain when it discusses "
            + "at least one of the domain's themes.")
    @Parameter(in = ParameterIn.QUERY, name = "granularity", description = "year | quarter | month | all")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "domains", value = """
                    {"aggregate": "domains", "data_version": 15, "parameters": {"granularity": "year", "boundaries": "as-named"},
                     "rows": [{"period": "2017", "domain": "economy", "exchanges": 1, "period_exchanges": 2, "share": 0.5}]}""")))
    public Uni<Response> domains(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.DOMAINS, filters);
    }

    @GET
    @Path("localities")
    @Operation(summary = "Locality-level exchanges per participant locality", description = "An exchange counts once for each "
            + "locality that took part (codebook section 2). side=VN|CN; granularity (default all); boundaries=as-named "
            + "(default) | current: current rolls units merged on 2025-07-01 into their successor over the whole history.")
    @Parameter(in = ParameterIn.QUERY, name = "side", description = "VN | CN")
    @Parameter(in = ParameterIn.QUERY, name = "granularity", description = "all (default) | year | quarter | month")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "localities", value = """
                    {"aggregate": "localities", "data_version": 15, "parameters": {"granularity": "all", "boundaries": "as-named"},
                     "rows": [{"period": "all", "code": "CN-GX", "name": "Guangxi", "country": "CN", "exchanges": 7}]}""")))
    public Uni<Response> localities(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.LOCALITIES, filters);
    }

    @GET
    @Path("locality-pairs")
    @Operation(summary = "Exchanges per (Vietnamese, Chinese) pair of participant localities")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "pairs", value = """
                    {"aggregate": "locality_pairs", "rows": [{"vn_code": "VN-09", "vn_name": "Lạng Sơn",
                     "cn_code": "CN-GX", "cn_name": "Guangxi", "exchanges": 4}]}""")))
    public Uni<Response> localityPairs(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.LOCALITY_PAIRS, filters);
    }

    @GET
    @Path("timeline")
    @Operation(summary = "Exchanges per period, split by level and by format", description = "Every period between the first "
            + "and the last exchange selected is a row, one without exchanges with zeros (no gaps in the series). "
            + "In JSON each row's records is the list of its exchanges: /api/exchanges with the same filters and the period as from/to.")
    @Parameter(in = ParameterIn.QUERY, name = "granularity", description = "year | quarter | month | all")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "timeline", value = """
                    {"aggregate": "timeline", "data_version": 15, "parameters": {"granularity": "year", "boundaries": "as-named"},
                     "rows": [{"period": "2017", "exchanges": 2, "central": 2, "locality": 0,
                     "in_person": 2, "online": 0, "phone": 0, "hybrid": 0,
                     "records": "/api/exchanges?from=2017-01-01&to=2017-12-31"}]}""")))
    public Uni<Response> timeline(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.TIMELINE, filters);
    }

    @GET
    @Path("people")
    @Operation(summary = "The most frequent participants")
    @Parameter(in = ParameterIn.QUERY, name = "side", description = "VN | CN")
    @Parameter(in = ParameterIn.QUERY, name = "top", description = "1-1000")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "people", value = """
                    {"aggregate": "people", "rows": [{"name": "Nguyễn Xuân Thắng", "side": "VN", "exchanges": 8,
                     "first_date": "2021-12-29", "last_date": "2025-11-12"}]}""")))
    public Uni<Response> people(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.PEOPLE, filters);
    }

    @GET
    @Path("theme-cooccurrence")
    @Operation(summary = "How often two themes are discussed in the same exchange")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "cooccurrence", value = """
                    {"aggregate": "theme_cooccurrence", "data_version": 15, "parameters": {"boundaries": "as-named"},
                     "rows": [{"theme_a": "high-level-trust", "theme_b": "trade-investment",
                     "exchanges": 12, "exchanges_a": 23, "exchanges_b": 21}]}""")))
    public Uni<Response> themeCooccurrence(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.THEME_COOCCURRENCE, filters);
    }

    @GET
    @Path("summary")
    @Operation(summary = "Totals, date range, counts per status, time of the last change")
    @APIResponse(responseCode = "200", description = "One row", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "summary", value = """
                    {"aggregate": "summary", "data_version": 15, "parameters": {"boundaries": "as-named"},
                     "rows": [{"exchanges": 46, "first_date": "2013-09-04", "last_date": "2025-11-27",
                     "central": 13, "locality": 33, "draft": 0, "verified": 46, "rejected": 0, "sources": 40,
                     "data_version": 15, "last_change": "2026-12-01T07:00:00Z"}]}""")))
    public Uni<Response> summary(@BeanParam ExchangeFilterParams filters) {
        return answer(Aggregate.SUMMARY, filters);
    }
}
