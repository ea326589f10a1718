package org.liaison.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.liaison.auth.Role;
import org.liaison.web.FieldError;
import org.liaison.web.Params;
import org.liaison.web.Problem;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;
import org.liaison.web.WriteParameters;

/**
 * Watched feeds (README: "Watching news feeds"). Editors register and change them (they only
 * bring in drafts); deleting one is an admin's, like every delete of the API (its items go
 * with it; the exchanges it drafted stay). Reads are public like the rest of the API.
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feeds")
public class FeedResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Every write accepts ?reason= (WriteParameters), but only exchanges have an audit trail: say so, not "recorded". */
    static final String REASON_NOT_RECORDED = "Accepted as on every write (at most 500 characters, no control characters); "
            + "feeds keep no audit trail, so it is not recorded.";
    static final String EXAMPLE = """
            {"url": "https://en.vietnamplus.vn/rss/politics.rss", "kind": "rss", "outlet": "en.vietnamplus.vn",
             "language": "en", "poll_interval": "1h"}""";

    private final FeedStore store;
    private final FeedRules rules;
    private final Poller poller;

    public FeedResource(FeedStore store, FeedRules rules, Poller poller) {
        this.store = store;
        this.rules = rules;
        this.poller = poller;
    }

    @GET
    @Operation(summary = "The watched feeds", description = "Each with its last poll, last success, last error, items seen and "
            + "exchanges drafted.")
    @APIResponse(responseCode = "200", description = "Every feed, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = FeedView.class)))
    public Uni<List<FeedView>> list(@Context UriInfo uri) {
        Params.only(uri, List.of());
        return store.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One feed and how its polling goes")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedView.class)))
    @APIResponse(responseCode = "404", description = "No such feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<FeedView> get(@PathParam("id") String id, @Context UriInfo uri) {
        Params.only(uri, List.of());
        return found(id, store.get(uuid(id)));
    }

    @GET
    @Path("{id}/items")
    @Operation(summary = "The articles a feed named", description = "Oldest first, with each one's status (pending, fetched, "
            + "failed), the reason of its last failure, its attempts and next attempt.")
    @APIResponse(responseCode = "200", description = "One page of items", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = FeedItemView.class)))
    @APIResponse(responseCode = "404", description = "No such feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<FeedItemView>> items(@PathParam("id") String id, @Context UriInfo uri,
            @Parameter(description = "pending, fetched or failed; default all") @QueryParam("status") String status,
            @Parameter(description = "1–500, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "Items skipped, default 0") @QueryParam("offset") String offset) {
        Params.only(uri, List.of("status", "limit", "offset"));
        String s = status == null ? null : Params.oneOf("status", status, Set.of("pending", "fetched", "failed"));
        int l = Params.intIn("limit", limit, 100, 1, 500);
        int o = Params.intIn("offset", offset, 0, 0, Integer.MAX_VALUE);
        UUID feed = uuid(id);
        return found(id, store.get(feed)).chain(f -> store.items(feed, s, l, o));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Watch a feed", description = "An RSS or Atom URL (kind rss or atom: either is read), or a listing "
            + "page (kind listing) whose links containing link_pattern (a regular expression) are articles. outlet is named on "
            + "the drafts' sources; language (en, vi) is used when a page does not state its own; poll_interval 5 minutes to "
            + "7 days (30m, 2h, 1d or ISO-8601; default 1h). The URL must resolve to public addresses (the SSRF rule). The "
            + "feed is polled at once, then at its interval; each new article is fetched once and goes through the article "
            + "path of POST /api/articles (drafts in GET /api/exchanges?status=draft).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rss", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location header", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedView.class)))
    @APIResponse(responseCode = "409", description = "A feed of this URL is registered already (its id in errors[0].value)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed(Role.EDITOR)
    public Uni<RestResponse<FeedView>> create(JsonNode body, @Context UriInfo uri,
            @Parameter(description = REASON_NOT_RECORDED) @QueryParam(WriteParameters.REASON) String reason) {
        FeedSettings s = rules.apply(body, FeedSettings.DEFAULTS);
        return blocking(() -> {
            rules.checkAddress(s);
            return s;
        }).chain(() -> store.idOfUrl(s.url())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT, "This URL is watched already, as feed "
                        + existing, List.of(FieldError.of("id", existing.toString(), "already watches " + s.url()))));
            }
            return store.insert(UUID.randomUUID(), s);
        }).onFailure(FeedResource::uniqueUrl).transform(e -> new ProblemException(ProblemType.CONFLICT,
                "This URL is watched already", List.of(FieldError.of("url", s.url(), "already watched"))))
                .invoke(poller::wake)
                .map(f -> RestResponse.ResponseBuilder.<FeedView> created(uri.getBaseUriBuilder().path("api/feeds")
                        .path(f.id().toString()).build()).entity(f).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a feed (JSON merge patch)", description = "Any of url, kind, link_pattern, outlet, language, "
            + "poll_interval, active (false: not polled). A new URL is polled at once. The counters and times are read-only.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, examples = @ExampleObject(name = "slower",
            value = "{\"poll_interval\": \"6h\"}")))
    @APIResponse(responseCode = "200", description = "The feed as it is now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedView.class)))
    @RolesAllowed(Role.EDITOR)
    public Uni<FeedView> patch(@PathParam("id") String id, JsonNode patch,
            @Parameter(description = REASON_NOT_RECORDED) @QueryParam(WriteParameters.REASON) String reason) {
        UUID feed = uuid(id);
        return found(id, store.get(feed)).chain(current -> {
            FeedSettings s = rules.apply(patch, new FeedSettings(current.url(), current.kind(), current.linkPattern(),
                    current.outlet(), current.language(), java.time.Duration.parse(current.pollInterval()), current.active()));
            return blocking(() -> {
                rules.checkAddress(s);
                return s;
            }).chain(() -> store.update(feed, s));
        }).onFailure(FeedResource::uniqueUrl).transform(e -> new ProblemException(ProblemType.CONFLICT,
                "Another feed watches this URL", List.of(FieldError.of("url", null, "already watched"))))
                .invoke(poller::wake);
    }

    @POST
    @Path("{id}/poll")
    @Operation(summary = "Poll a feed now", description = "Makes it due: polled within a tick, then at its interval again.")
    @APIResponse(responseCode = "202", description = "It will be polled now")
    @APIResponse(responseCode = "404", description = "No such feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed(Role.EDITOR)
    public Uni<RestResponse<Void>> pollNow(@PathParam("id") String id,
            @Parameter(description = REASON_NOT_RECORDED) @QueryParam(WriteParameters.REASON) String reason) {
        return store.pollSoon(uuid(id)).map(done -> {
            if (!done) {
                throw ProblemException.notFound("Feed " + id);
            }
            poller.wake();
            return RestResponse.accepted();
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Stop watching a feed", description = "Its items go with it; the exchanges it drafted stay. "
            + "PATCH {\"active\": false} pauses it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed(Role.ADMIN)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id,
            @Parameter(description = REASON_NOT_RECORDED) @QueryParam(WriteParameters.REASON) String reason) {
        return store.delete(uuid(id)).map(done -> {
            if (!done) {
                throw ProblemException.notFound("Feed " + id);
            }
            return RestResponse.noContent();
        });
    }

    private static <T> Uni<T> found(String id, Uni<T> lookup) {
        return lookup.map(v -> {
            if (v == null) {
                throw ProblemException.notFound("Feed " + id);
            }
            return v;
        });
    }

    /** DNS look-ups block: off the event loop. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static boolean uniqueUrl(Throwable e) {
        return e instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Feed " + id);
        }
    }
}
