package org.liaison.gazetteer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.liaison.web.Problem;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.liaison.web.Params;
import org.liaison.web.ProblemException;

@Path("/api/localities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies")
public class LocalityResource {

    private final Gazetteer gazetteer;

    public LocalityResource(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @GET
    @Operation(summary = "List or search localities",
            description = "Every unit of the gazetteer, or those whose names (with or without diacritics, English or "
                    + "Vietnamese) contain q. Vietnamese units absorbed on 2025-07-01 carry valid_to and successor; "
                    + "their successor lists them under absorbed. as_of keeps the units in force on that day: "
                    + "as_of=2025-06-30 gives Việt Nam's 63 former units, as_of=2025-07-01 its 34 current ones.")
    @APIResponse(responseCode = "200", description = "Localities")
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<LocalityView> list(
            @Parameter(description = "VN or CN") @QueryParam("country") String country,
            @Parameter(description = "Name, alias or code, e.g. 'ha noi', 'Hanoi', 'Quảng Tây'") @QueryParam("q") String q,
            @Parameter(description = "YYYY-MM-DD: only units in force on that day") @QueryParam("as_of") String asOf,
            @Context UriInfo uri) {
        Params.only(uri, List.of("country", "q", "as_of"));
        return gazetteer.search(Params.text(q), Params.country("country", country), Params.date("as_of", asOf)).stream()
                .map(l -> LocalityView.of(l, gazetteer)).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One locality by code")
    @APIResponse(responseCode = "200", description = "The locality")
    @APIResponse(responseCode = "404", description = "No such locality", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public LocalityView get(@PathParam("code") String code, @Context UriInfo uri) {
        Params.only(uri, List.of());
        Locality l = gazetteer.byCode(code);
        if (l == null) {
            throw ProblemException.notFound("Locality " + code);
        }
        return LocalityView.of(l, gazetteer);
    }
}
