package org.liaison.article;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.liaison.article.extract.ArticleInput;
import org.liaison.auth.Role;
import org.liaison.auth.Subject;
import org.liaison.exchange.Actor;
import org.liaison.web.Params;
import org.liaison.web.WriteParameters;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    static final String EXAMPLE = """
            {"url": "https://en.vietnamplus.vn/hanoi-leader-meets-with-chinas-top-political-advisor/268764.vnp",
             "outlet": "en.vietnamplus.vn", "published": "2023-09-28", "language": "en",
             "title": "Hanoi leader meets with China's top political advisor",
             "text": "Dinh Tien Dung, Politburo member and Secretary of the Hanoi Party Committee, paid a courtesy call to Wang Huning, Chairman of the National Committee of the CPPCC, in Beijing on September 28. ..."}""";

    private final ArticleService articles;

    public ArticleResource(ArticleService articles) {
        this.articles = articles;
    }

    @POST
    @Path("extract")
    @Operation(summary = "Find and code the exchanges an article reports (dry run; stores nothing)",
            description = "language en | vi | null (detected); published YYYY-MM-DD or null. Each exchange is coded per the "
                    + "codebook with the evidence (field, text, start, end offsets in text) of its fields and a confidence. "
                    + "An article that reports no Vietnam–China exchange gives an empty list.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "article", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The exchanges found (possibly none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleService.Extraction.class)))
    @PermitAll // a dry run; its body and rate limits: org.liaison.auth.ExtractGate
    public ArticleService.Extraction extract(ArticleInput article, @Context UriInfo uri) {
        Params.only(uri, List.of()); // a dry run changes nothing, so it has no reason to record
        return articles.extract(article);
    }

    @POST
    @Operation(summary = "Store an article and its exchanges as drafts for review",
            description = "The article becomes a source (url required). An exchange already known (overlapping dates and a "
                    + "shared participant or participant locality) gets it as a further source, its themes, and a note of what "
                    + "it says differently; others are created as draft. Re-posting a URL changes nothing. Review the drafts with "
                    + "GET /api/exchanges?status=draft and PATCH /api/exchanges/{id}. Each record created or added to is in its audit "
                    + "trail with the article's URL as context.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "article", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Some exchange was created as a draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleService.Stored.class)))
    @APIResponse(responseCode = "200", description = "Nothing new: the URL was stored before, or every exchange was already known "
            + "(merged as a further source)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleService.Stored.class)))
    @RolesAllowed(Role.EDITOR) // creates drafts only
    public Uni<RestResponse<ArticleService.Stored>> store(ArticleInput article, @Context SecurityContext caller,
            @Parameter(description = WriteParameters.REASON_DESCRIPTION) @QueryParam(WriteParameters.REASON) String reason) {
        return articles.store(article, Actor.of(Subject.of(caller), Role.strongest(caller), WriteParameters.text(reason))).map(s -> s.alreadyKnown() || s.exchanges().stream().noneMatch(e -> e.outcome().equals("created"))
                ? RestResponse.ok(s)
                : RestResponse.status(RestResponse.Status.CREATED, s));
    }
}
