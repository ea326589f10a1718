package org.liaison.exchange.bulk;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.liaison.exchange.ExchangeFilterParams;
import org.liaison.exchange.ExchangeFilters;
import org.liaison.exchange.ExchangeResource;
import org.liaison.web.AcceptHeader;
import org.liaison.web.ContentCoding;
import org.liaison.web.Params;
import org.liaison.web.Problem;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;

/**
 * The dataset as a stream. A class of its own because a streamed body whose media type is
 * chosen per request must not inherit a fixed {@code @Produces} (Quarkus REST requirement).
 */
@Path("/api/exchanges/export")
@Tag(name = "Exchanges")
public class ExchangeExportResource {

    /** The export's representations, by media type, in the order a wildcard picks them. */
    enum Output {
        NDJSON("ndjson", ExchangeResource.NDJSON), JSON("json", "application/json"), CSV("csv", "text/csv");

        final String param;
        final String mediaType;

        Output(String param, String mediaType) {
            this.param = param;
            this.mediaType = mediaType;
        }

        static final Map<String, Output> BY_MEDIA_TYPE = new LinkedHashMap<>();
        static final Map<String, Output> BY_PARAM = new LinkedHashMap<>();
        static {
            for (Output o : values()) {
                BY_MEDIA_TYPE.put(o.mediaType, o);
                BY_PARAM.put(o.param, o);
            }
        }
    }

    private final ExchangeFilters filters;
    private final ExchangeExporter exporter;

    public ExchangeExportResource(ExchangeFilters filters, ExchangeExporter exporter) {
        this.filters = filters;
        this.exporter = exporter;
    }

    @GET
    @Operation(summary = "Export the (filtered) dataset", description = "NDJSON (default; re-importable by POST "
            + "/api/exchanges/import), one JSON array, or CSV: by Accept (application/x-ndjson, application/json, "
            + "text/csv) or format=ndjson|json|csv, which wins. Takes every filter of the list (format may carry exchange "
            + "formats too: format=csv,online) and its sort (default created: the order records were made). Streamed "
            + "page by page, gzip when the client accepts it.")
    @APIResponse(responseCode = "200", description = "The exchanges", content = {
            @Content(mediaType = ExchangeResource.NDJSON), @Content(mediaType = "application/json"),
            @Content(mediaType = "text/csv") })
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "406", description = "Accept names none of the export's media types",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestMulti<?> export(@BeanParam ExchangeFilterParams params,
            @Parameter(description = "created (default), -created, date, -date, updated, -updated") @QueryParam("sort") String sort,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context UriInfo uri) {
        Params.only(uri, ExchangeFilterParams.NAMES, List.of("sort"));
        ExchangeFilters.Parsed parsed = filters.parse(params, Output.BY_PARAM.keySet());
        String order = sort == null || sort.isBlank() ? "created" : Params.oneOf("sort", sort, ExchangeResource.SORTS);
        Output out = parsed.output() != null ? Output.BY_PARAM.get(parsed.output()) : AcceptHeader.best(accept, Output.BY_MEDIA_TYPE);
        if (out == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "Accept '" + accept + "' names no type the export offers: "
                    + String.join(", ", Output.BY_MEDIA_TYPE.keySet()) + " (or ?format=ndjson|json|csv)");
        }
        Multi<String> body = switch (out) {
            case NDJSON -> exporter.ndjson(parsed.filter(), order);
            case JSON -> exporter.jsonArray(parsed.filter(), order);
            case CSV -> exporter.csv(parsed.filter(), order);
        };
        String contentType = out.mediaType + "; charset=UTF-8";
        String disposition = "attachment; filename=\"exchanges." + out.param + "\"";
        if (ContentCoding.acceptsGzip(acceptEncoding)) {
            return RestMulti.fromMultiData(ContentCoding.gzip(body)).header("Content-Type", contentType)
                    .header("Content-Encoding", "gzip").header("Content-Disposition", disposition)
                    .header("Vary", "Accept, Accept-Encoding").build();
        }
        return RestMulti.fromMultiData(body).header("Content-Type", contentType).header("Content-Disposition", disposition)
                .header("Vary", "Accept, Accept-Encoding").build();
    }
}
