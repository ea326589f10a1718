package org.liaison.exchange.bulk;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.liaison.exchange.ExchangeFilter;
import org.liaison.exchange.ExchangeQueryParams;
import org.liaison.exchange.ExchangeResource;
import org.liaison.web.Params;

/**
 * The dataset as a stream. A class of its own because a streamed body whose media type is
 * chosen per request must not inherit a fixed {@code @Produces} (Quarkus REST requirement).
 */
@Path("/api/exchanges/export")
@Tag(name = "Exchanges")
public class ExchangeExportResource {

    @Inject
    ExchangeQueryParams params;
    @Inject
    ExchangeExporter exporter;

    @GET
    @Operation(summary = "Export the (filtered) dataset", description = "format=ndjson (default; re-importable) or csv. "
            + "Takes the filters of the list; format may also carry the exchange format filter (format=csv,online). "
            + "Streamed in id order.")
    public RestMulti<String> export(@QueryParam("format") String format, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("theme") String theme, @QueryParam("domain") String domain,
            @QueryParam("locality") String locality, @QueryParam("role") String role,
            @QueryParam("country") String country, @QueryParam("level") String level,
            @QueryParam("kind") String kind,
            @QueryParam("person") String person, @QueryParam("status") String status, @QueryParam("q") String q) {
        // "format" names both the output (ndjson, csv) and the codebook field (online, ...): the values tell them apart.
        Params.Format split = Params.format(format, Set.of("ndjson", "csv"));
        String f = split.output() == null ? "ndjson" : split.output();
        ExchangeFilter filter = params.parse(from, to, theme, domain, locality, role, country, level, split.exchangeFormat(),
                kind, person, status, q);
        Multi<String> body = f.equals("csv") ? exporter.csv(filter) : exporter.ndjson(filter);
        return RestMulti.fromMultiData(body)
                .header("Content-Type", f.equals("csv") ? "text/csv; charset=UTF-8" : ExchangeResource.NDJSON + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"exchanges." + f + "\"")
                .build();
    }
}
