package org.liaison.people;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

    @Inject
    PersonRepository people;

    @GET
    @Operation(summary = "Search people by any of their names",
            description = "Matches canonical names and aliases with or without diacritics: 'Nguyen Xuan Thang', "
                    + "'Vương Hộ Ninh' (Wang Huning). At most limit (default 50, max 500) people, by name.")
    public Uni<List<PersonView>> search(@QueryParam("q") String q, @QueryParam("side") String side,
            @QueryParam("limit") String limit) {
        String s = Params.country("side", side);
        int max = Params.intIn("limit", limit, 50, 1, 500);
        return people.search(q, s, max).map(list -> list.stream().map(PersonView::of).toList());
    }
}
