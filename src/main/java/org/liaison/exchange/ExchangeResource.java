package org.liaison.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.liaison.auth.Role;
import org.liaison.auth.StatusChange;
import org.liaison.auth.Subject;
import org.liaison.web.ContentCoding;
import org.liaison.web.FieldError;
import org.liaison.web.MediaTypes;
import org.liaison.web.Params;
import org.liaison.web.Problem;
import org.liaison.web.Representation;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;
import org.liaison.web.WriteParameters;

@Path("/api/exchanges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchanges")
public class ExchangeResource {

    public static final String NDJSON = MediaTypes.NDJSON;
    static final String MERGE_PATCH = MediaTypes.MERGE_PATCH;

    /** A demo record in the shape of POST, on one line (\ joins the lines) so it is an NDJSON line of the import too. */
    public static final String EXAMPLE = """
            {"date": "2023-09-28", "date_precision": "day", "format": "in_person", "kind": "courtesy_call", \
            "venue": "Beijing", "status": "verified", \
            "participants": [\
            {"name": "Dinh Tien Dung", "side": "VN", "titles": "Secretary of the Hanoi Party Committee", "locality": "Hanoi"}, \
            {"name": "Wang Huning", "side": "CN", "titles": "Chairman of the CPPCC National Committee", "organisation": "CPPCC"}], \
            "localities": [{"name": "Hà Nội", "role": "participant"}], \
            "themes": ["high-level-trust", "party-building", "trade-investment"], \
            "sources": [{"url": "https://en.vietnamplus.vn/hanoi-leader-meets-with-chinas-top-political-advisor/268764.vnp", \
            "outlet": "en.vietnamplus.vn", "published": "2023-09-28", "language": "en"}]}""";

    private final ExchangeService service;
    private final ExchangeFilters filters;
    private final ObjectMapper mapper;
    private final ExchangeValidator validator;

    public ExchangeResource(ExchangeService service, ExchangeFilters filters, ObjectMapper mapper, ExchangeValidator validator) {
        this.service = service;
        this.filters = filters;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The sorts of the list and the export. */
    public static final Set<String> SORTS = Set.copyOf(ExchangeSql.SORTS);

    @RegisterForReflection
    public record PageResponse(List<ExchangeView> items, long total, int limit, long offset, String next) {
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN })
    @Operation(summary = "List exchanges", description = "Filters combine with AND; the values of one filter "
            + "(comma-separated, or the parameter repeated) combine with OR; the same filters, spelt the same way, select "
            + "the same exchanges in the export and every /api/stats aggregate. JSON (a page with total and next), CSV "
            + "or an aligned table (Accept: text/csv, text/plain, or format=json|csv|table).")
    @APIResponse(responseCode = "200", description = "One page of exchanges", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = MediaType.TEXT_PLAIN) })
    @APIResponse(responseCode = "400", description = "Unknown or malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "406", description = "Accept names none of the offered media types",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> list(@BeanParam ExchangeFilterParams params,
            @Parameter(description = "-date (default), date, -created, created, -updated, updated") @QueryParam("sort") String sort,
            @Parameter(description = "1-500, default 50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("offset") String offset,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context UriInfo uri) {
        Params.only(uri, ExchangeFilterParams.NAMES, List.of("sort", "limit", "offset"));
        ExchangeFilters.Parsed parsed = filters.parse(params, Representation.NAMES);
        Representation representation = Representation.of(parsed.output(), accept);
        String s = sort == null || sort.isBlank() ? "-date" : Params.oneOf("sort", sort, SORTS);
        int lim = Params.intIn("limit", limit, 50, 1, 500);
        int off = Params.intIn("offset", offset, 0, 0, Integer.MAX_VALUE);
        return service.list(parsed.filter(), s, lim, off).map(page -> {
            if (representation != Representation.JSON) {
                List<Map<String, Object>> rows = page.items().stream().map(ExchangeRow::of).toList();
                return ContentCoding.ok(representation.render(ExchangeRow.COLUMNS, rows).getBytes(StandardCharsets.UTF_8),
                        representation.mediaType, acceptEncoding);
            }
            // long arithmetic: offset + limit may pass Integer.MAX_VALUE
            long nextOffset = (long) off + lim;
            String next = nextOffset < page.total()
                    ? Params.withOffset(uri, nextOffset)
                    : null;
            return ContentCoding.ok(json(new PageResponse(page.items(), page.total(), lim, off, next)),
                    MediaType.APPLICATION_JSON, acceptEncoding);
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One exchange", description = "The ETag is the record's version; send it back in If-Match with PUT or PATCH.")
    @APIResponse(responseCode = "200", description = "The exchange; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeView.class)))
    @APIResponse(responseCode = "404", description = "No such exchange",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<ExchangeView>> get(@PathParam("id") String id, @Context UriInfo uri) {
        Params.only(uri, List.of());
        return service.get(uuid(id)).map(v -> RestResponse.ResponseBuilder.ok(v).header("ETag", etag(v)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an exchange", description = "Localities, people and themes may be given by code or by any "
            + "alias. A name that cannot be resolved is a 422 naming the field and value. Posting the same exchange again "
            + "answers 200 with the stored record; the same key with other content is a 409, and so is an exchange without a key "
            + "of its own that is already known (overlapping dates, a shared participant or participant locality), naming the "
            + "stored record's id.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeInput.class),
            examples = @ExampleObject(name = "call", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeView.class)))
    @APIResponse(responseCode = "200", description = "The same exchange was stored before (same key, same content): the stored record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeView.class)))
    @APIResponse(responseCode = "409", description = "The key is used by other content, or the exchange is already known under "
            + "another key (its id in errors[0].value)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid field(s)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed(Role.EDITOR) // a stated status other than draft: reviewer (StatusChange)
    public Uni<RestResponse<ExchangeView>> create(JsonNode body, UriInfo uri, @Context SecurityContext caller,
            @Parameter(description = WriteParameters.REASON_DESCRIPTION) @QueryParam(WriteParameters.REASON) String reason) {
        ValidExchange valid = validator.validate(body);
        StatusChange.check(caller, null, valid.status());
        return service.create(valid, actor(caller, reason)).map(w -> {
            ExchangeView v = w.exchange();
            if (w.outcome() == ExchangeService.Outcome.CREATED) {
                URI location = uri.getBaseUriBuilder().path("api/exchanges").path(v.id().toString()).build();
                return RestResponse.ResponseBuilder.<ExchangeView> created(location).entity(v).header("ETag", etag(v)).build();
            }
            return RestResponse.ResponseBuilder.ok(v).header("ETag", etag(v)).build();
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an exchange", description = "Every field is replaced: a body without status sets the "
            + "default (draft). The key stays unless the body gives another. A body identical to the stored record changes "
            + "nothing (same version and ETag). If-Match (or a version field) "
            + "makes the write fail with 412 (409) when someone changed the record since it was read. Moving a record to "
            + "rejected needs a reason (422 naming reason without one).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeInput.class)))
    @APIResponse(responseCode = "200", description = "The exchange as stored now; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeView.class)))
    @RolesAllowed(Role.EDITOR) // a change of status: reviewer (StatusChange)
    public Uni<RestResponse<ExchangeView>> replace(@PathParam("id") String id, JsonNode body,
            @HeaderParam("If-Match") String ifMatch, @Context SecurityContext caller,
            @Parameter(description = WriteParameters.REASON_DESCRIPTION + " Required to move the record to rejected.")
            @QueryParam(WriteParameters.REASON) String reason) {
        UUID uuid = uuid(id);
        ValidExchange valid = validator.validate(body);
        Integer expected = version(ifMatch);
        Actor actor = actor(caller, reason);
        Uni<ExchangeView> written = StatusChange.mayReview(caller) ? service.replace(uuid, valid, expected, actor)
                // compared with the record as read, and written only over that version
                : service.get(uuid).chain(current -> {
                    StatusChange.check(caller, current.status(), valid.status());
                    return service.replace(uuid, valid, expected == null ? current.version() : expected, actor);
                });
        return written.map(v -> RestResponse.ResponseBuilder.ok(v).header("ETag", etag(v)).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change some fields (JSON merge patch)", description = "Typical review: {\"status\": \"verified\"} "
            + "or {\"status\": \"rejected\", \"notes\": \"not bilateral\"}. Any field of the record may be corrected; "
            + "lists are replaced whole. id, created_at and updated_at are read-only (422 if changed); level is derived. "
            + "Rejecting needs a reason: ?reason=not%20bilateral (422 naming reason without one).")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, examples = @ExampleObject(name = "verify", value = "{\"status\": \"verified\"}")))
    @APIResponse(responseCode = "200", description = "The exchange as stored now; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeView.class)))
    @RolesAllowed(Role.EDITOR) // a change of status: reviewer (StatusChange)
    public Uni<RestResponse<ExchangeView>> patch(@PathParam("id") String id, JsonNode patch,
            @HeaderParam("If-Match") String ifMatch, @Context SecurityContext caller,
            @Parameter(description = WriteParameters.REASON_DESCRIPTION + " Required to move the record to rejected.")
            @QueryParam(WriteParameters.REASON) String reason) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch is a JSON object");
        }
        validator.checkPatch(patch);
        UUID uuid = uuid(id);
        Integer expected = version(ifMatch);
        Actor actor = actor(caller, reason);
        return service.get(uuid).chain(current -> {
            ObjectNode merged = mapper.valueToTree(current);
            readOnly(merged, (ObjectNode) patch);
            if (!patch.has("level")) {
                merged.remove("level"); // derived: the patched localities may change it
            }
            merge(merged, (ObjectNode) patch);
            ValidExchange valid = validator.validate(merged);
            StatusChange.check(caller, current.status(), valid.status());
            // Without If-Match the patch applies to the version just read: a concurrent change still fails.
            return service.replace(uuid, valid, expected == null ? current.version() : expected, actor);
        }).map(v -> RestResponse.ResponseBuilder.ok(v).header("ETag", etag(v)).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an exchange", description = "Needs a reason (?reason=duplicate%20of%20...), recorded in "
            + "the audit trail; the record's history stays readable by reviewers and admins.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "422", description = "No reason given", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed(Role.ADMIN)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @Context SecurityContext caller,
            @Parameter(description = WriteParameters.REASON_DESCRIPTION + " Required.") @QueryParam(WriteParameters.REASON)
            String reason) {
        return service.delete(uuid(id), actor(caller, reason)).map(x -> RestResponse.noContent());
    }

    /** The writer as the audit trail records it; the reason was checked by {@link WriteParameters}. */
    static Actor actor(SecurityContext caller, String reason) {
        return Actor.of(Subject.of(caller), Role.strongest(caller), WriteParameters.text(reason));
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a page as JSON", e);
        }
    }

    static String etag(ExchangeView v) {
        return "\"" + v.version() + "\"";
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Exchange " + id);
        }
    }

    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + ifMatch + " is not an ETag of this service");
        }
    }

    /** A patch may repeat a read-only field's value (a record read and sent back) but not change it. */
    static void readOnly(ObjectNode current, ObjectNode patch) {
        List<FieldError> errors = ExchangeReader.OUTPUT_ONLY.stream().filter(f -> patch.has(f) && !patch.get(f).equals(current.get(f)))
                .map(f -> FieldError.of(f, ExchangeReader.text(patch.get(f)), "read-only: set by the service, cannot change"))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** RFC 7396: null removes, objects merge, anything else replaces. */
    static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = f.getValue();
            if (value.isNull()) {
                target.remove(f.getKey());
            } else if (value.isObject() && target.get(f.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(f.getKey(), value);
            }
        }
    }
}
