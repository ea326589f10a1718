package org.liaison.exchange;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of every endpoint that selects exchanges (the list, its export and every
 * aggregate), declared and documented once. Each filter takes a comma-separated list, or the
 * parameter repeated; values of one filter combine with OR, filters with AND.
 * {@link ExchangeFilters} parses them; {@code filtered_exchanges()} in
 * analytics-sql/views/R__stats_base.sql applies them, for all three.
 */
public class ExchangeFilterParams {

    /**
     * The parameter names, for the endpoints' "unknown parameter" check: the parameters of
     * filtered_exchanges(), named once by {@link ExchangeFilter#sqlParameters()} (a test keeps the fields below equal to them).
     */
    public static final List<String> NAMES = List.copyOf(ExchangeFilter.none().sqlParameters().keySet());

    @QueryParam("from")
    @Parameter(description = "YYYY-MM-DD, 1900-01-01 or later: exchanges overlapping [from, to]")
    public List<String> from;
    @QueryParam("to")
    @Parameter(description = "YYYY-MM-DD, not before from")
    public List<String> to;
    @QueryParam("level")
    @Parameter(description = "central, locality")
    public List<String> level;
    @QueryParam("format")
    @Parameter(description = "The exchange format in_person, online, phone, hybrid; and/or the output format "
            + "(json, csv, table; export: ndjson, json, csv), told apart by value: format=table,online")
    public List<String> format;
    @QueryParam("kind")
    @Parameter(description = "talks, meeting, courtesy_call, workshop, signing, other")
    public List<String> kind;
    @QueryParam("country")
    @Parameter(description = "VN, CN: where the exchange took place (the venue's country)")
    public List<String> country;
    @QueryParam("locality")
    @Parameter(description = "Locality codes or any of their names, with or without diacritics (Guangxi, Lạng Sơn, "
            + "VN-HN): exchanges where one has one of role's roles. A name both countries use (Hà Nam) means either "
            + "unless given by code")
    public List<String> locality;
    @QueryParam("role")
    @Parameter(description = "participant, venue, mentioned: the roles locality matches (default participant,venue)")
    public List<String> role;
    @QueryParam("theme")
    @Parameter(description = "Theme codes (GET /api/themes)")
    public List<String> theme;
    @QueryParam("domain")
    @Parameter(description = "politics, economy, technology, environment, society, security")
    public List<String> domain;
    @QueryParam("person")
    @Parameter(description = "Participants by any name or alias, any spelling (Wang Huning, Vương Hộ Ninh)")
    public List<String> person;
    @QueryParam("q")
    @Parameter(description = "Text in the notes, participants' titles and names, and sources' titles; case and "
            + "diacritics do not matter (lang son finds Lạng Sơn); at least one letter or digit, at most 200 characters")
    public List<String> q;
    @QueryParam("status")
    @Parameter(description = "draft, verified, rejected; default: every exchange that is not rejected")
    public List<String> status;
    @QueryParam("boundaries")
    @Parameter(description = "as-named (default) | current: Vietnamese units merged on 2025-07-01 count under their "
            + "successor, over the whole history (Hà Giang under Tuyên Quang); applies to locality and to locality rows")
    public List<String> boundaries;
}
