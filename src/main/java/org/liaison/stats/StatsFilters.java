package org.liaison.stats;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The common filters of every aggregate, declared once for the OpenAPI document. The values are
 * read and validated by {@link StatsResponder} from the request URI, which also rejects
 * parameters an aggregate does not take.
 */
public class StatsFilters {
    @QueryParam("from")
    @Parameter(description = "YYYY-MM-DD: exchanges overlapping [from, to]")
    public String from;
    @QueryParam("to")
    @Parameter(description = "YYYY-MM-DD")
    public String to;
    @QueryParam("level")
    @Parameter(description = "central | locality")
    public String level;
    @QueryParam("format")
    @Parameter(description = "Output json | csv | table, and/or the exchange format in_person | online | phone | hybrid "
            + "(format=table,online)")
    public String format;
    @QueryParam("kind")
    @Parameter(description = "talks | meeting | courtesy_call | workshop | signing | other")
    public String kind;
    @QueryParam("country")
    @Parameter(description = "VN | CN: where the exchange took place")
    public String country;
    @QueryParam("locality")
    @Parameter(description = "Locality codes or names, comma-separated: exchanges where one is a participant or the venue")
    public String locality;
    @QueryParam("theme")
    @Parameter(description = "Theme codes, comma-separated")
    public String theme;
    @QueryParam("domain")
    @Parameter(description = "politics | economy | technology | environment | society | security")
    public String domain;
    @QueryParam("status")
    @Parameter(description = "draft, verified, rejected, comma-separated; default: every status but rejected")
    public String status;
    @QueryParam("boundaries")
    @Parameter(description = "as-named (default) | current: units merged in Việt Nam on 2025-07-01 count under their "
            + "successor, over the whole history (Hà Giang under Tuyên Quang)")
    public String boundaries;
}
