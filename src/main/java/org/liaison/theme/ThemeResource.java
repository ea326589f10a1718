package org.liaison.theme;

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

@Path("/api/themes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies")
public class ThemeResource {

    @Inject
    ThemeVocabulary themes;

    @GET
    @Operation(summary = "The theme vocabulary of the codebook, optionally one domain's themes")
    public List<Theme> list(@QueryParam("domain") String domain) {
        String d = Params.oneOf("domain", domain, ThemeVocabulary.DOMAINS);
        return themes.all().stream().filter(t -> d == null || t.domain().equals(d)).toList();
    }
}
