package org.liaison.people;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.liaison.web.Problem;
import org.liaison.web.ProblemException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.liaison.web.Params;

@Path("/api/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies")
public class PeopleResource {

    private final PersonRepository people;

    public PeopleResource(PersonRepository people) {
        this.people = people;
    }

    @GET
    @Operation(summary = "Search people by any of their names",
            description = "Matches canonical names and aliases with or without diacritics: 'Nguyen Xuan Thang', "
                    + "'Vương Hộ Ninh' (Wang Huning). At most limit (default 50, max 500) people, by name.")
    @APIResponse(responseCode = "200", description = "People, by name")
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<PersonView>> search(@Parameter(description = "Any part of any name, any spelling") @QueryParam("q") String q,
            @Parameter(description = "VN or CN") @QueryParam("side") String side,
            @Parameter(description = "1-500, default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        Params.only(uri, List.of("q", "side", "limit"));
        String s = Params.country("side", side);
        int max = Params.intIn("limit", limit, 50, 1, 500);
        return people.search(Params.text(q), s, max).map(list -> list.stream().map(PersonView::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One person by id", description = "The id is the one participants carry (person_id).")
    @APIResponse(responseCode = "200", description = "The person and every alias")
    @APIResponse(responseCode = "404", description = "No such person", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PersonView> get(@PathParam("id") String id, @Context UriInfo uri) {
        Params.only(uri, List.of());
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Person " + id);
        }
        return people.findById(key).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("Person " + id);
            }
            return PersonView.of(p);
        });
    }
}
