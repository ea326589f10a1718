package org.liaison.theme;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.liaison.web.Problem;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.liaison.web.Params;

@Path("/api/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies")
public class ThemeResource {

    private final ThemeVocabulary themes;

    public ThemeResource(ThemeVocabulary themes) {
        this.themes = themes;
    }

    @GET
    @Operation(summary = "The theme vocabulary of the codebook, optionally one domain's themes")
    @APIResponse(responseCode = "200", description = "Themes, in the codebook's order")
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<Theme> list(@Parameter(description = "politics, economy, technology, environment, society, security")
            @QueryParam("domain") String domain, @Context UriInfo uri) {
        Params.only(uri, List.of("domain"));
        String d = Params.oneOf("domain", domain, ThemeVocabulary.DOMAINS);
        return themes.all().stream().filter(t -> d == null || t.domain().equals(d)).toList();
    }
}
