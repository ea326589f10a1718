package org.liaison.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.liaison.web.ContentCoding;
import org.liaison.web.Params;
import org.liaison.web.Problem;
import org.liaison.web.ProblemException;

/** GET /api/changes: what a mirror or a dashboard polls to stay in step with the records. */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
public class ChangeFeedResource {

    static final List<String> PARAMETERS = List.of("after", "limit");

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    public ChangeFeedResource(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "Changes to exchanges, in commit order", description = "Every exchange a committed write created, "
            + "updated or deleted, oldest first, each change once; a delete is a tombstone without a body. Send the answer's "
            + "next back as ?after= to read on: a client that stores it after applying a page misses no change and sees none "
            + "twice. An empty page (more: false) means caught up; poll again later with the same cursor. Bodies are the "
            + "records as they are now, so a record changed several times shows its latest version each time.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Unknown parameter, a cursor that is not one of this feed's, or a limit "
            + "out of range", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "406", description = "Accept does not admit application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> changes(
            @Parameter(description = "The next of an earlier answer (opaque); without it the feed starts at the first change")
            @QueryParam("after") String after,
            @Parameter(description = "1-" + ChangeFeed.MAX_LIMIT + ", default " + ChangeFeed.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + ChangeFeed.MAX_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context UriInfo uri) {
        Params.only(uri, PARAMETERS);
        for (String name : PARAMETERS) {
            List<String> values = uri.getQueryParameters().get(name);
            if (values != null && values.size() > 1) {
                throw ProblemException.invalidParameter(name, Params.text(values.get(1)), "is given " + values.size()
                        + " times; it takes one value");
            }
        }
        ChangeCursor cursor = after == null ? ChangeCursor.START : ChangeCursor.parse("after", Params.text(after));
        int lim = Params.intIn("limit", limit, ChangeFeed.DEFAULT_LIMIT, 1, ChangeFeed.MAX_LIMIT);
        return feed.after("after", cursor, lim).map(page -> ContentCoding.ok(json(page), MediaType.APPLICATION_JSON, acceptEncoding));
    }

    private byte[] json(ChangePage page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a page of changes as JSON", e);
        }
    }
}
