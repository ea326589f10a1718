package org.liaison.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.liaison.auth.Role;
import org.liaison.auth.RoleRequired;
import org.liaison.web.ContentCoding;
import org.liaison.web.Params;
import org.liaison.web.Problem;

/**
 * GET /api/exchanges/{id}/history: a record's audit trail, newest change first. Readable like
 * any read (liaison.auth.public-reads); a deleted record's history by reviewers and admins only,
 * since a delete is how a record that should never have been public is taken down.
 */
@Path("/api/exchanges/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchanges")
public class ExchangeHistoryResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final CurrentIdentityAssociation identity;

    public ExchangeHistoryResource(AuditTrail audit, ObjectMapper mapper, CurrentIdentityAssociation identity) {
        this.audit = audit;
        this.mapper = mapper;
        this.identity = identity;
    }

    @RegisterForReflection
    public record HistoryPage(
            @Schema(description = "The record's changes, newest first") List<AuditTrail.Entry> items,
            @Schema(description = "How many changes the record has") long total,
            int limit, long offset,
            @Schema(description = "The next page's URL, or null on the last page", nullable = true) String next) {
    }

    @GET
    @Operation(summary = "The audit trail of an exchange", description = "Every change, newest first: who (the token's "
            + "subject), with which role, when, why (?reason= of the write), in which context (one request, an import with its "
            + "id, an article with its URL), and the record as GET /api/exchanges/{id} showed it before and after. A deleted "
            + "record's history is readable with a reviewer or admin token only (401 without a token, 403 with another).")
    @APIResponse(responseCode = "200", description = "One page of the record's changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class)))
    @APIResponse(responseCode = "401", description = "The record was deleted, and no token came",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The record was deleted, and the token has neither the reviewer nor "
            + "the admin role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No exchange ever had this id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "406", description = "Accept does not admit application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> history(@PathParam("id") String id,
            @Parameter(description = "1-" + MAX_LIMIT + ", default " + DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("offset") String offset,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context UriInfo uri) {
        Params.only(uri, List.of("limit", "offset"));
        UUID uuid = ExchangeResource.uuid(id);
        int lim = Params.intIn("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int off = Params.intIn("offset", offset, 0, 0, Integer.MAX_VALUE);
        return audit.known(uuid).chain(known -> {
            if (!known.exists() && !known.deleted()) {
                return Uni.createFrom().failure(ExchangeService.notFound(uuid));
            }
            return known.deleted() ? identity.getDeferredIdentity().invoke(caller -> {
                if (caller.isAnonymous()) {
                    throw new UnauthorizedException();
                }
                if (!caller.hasRole(Role.REVIEWER)) {
                    throw new RoleRequired("Exchange " + uuid + " was deleted: its history needs the reviewer or admin role");
                }
            }).replaceWithVoid() : Uni.createFrom().voidItem();
        }).chain(() -> audit.history(uuid, lim, off)).map(page -> {
            long nextOffset = (long) off + lim;
            String next = nextOffset < page.total() ? Params.withOffset(uri, nextOffset) : null;
            return ContentCoding.ok(json(new HistoryPage(page.items(), page.total(), lim, off, next)), MediaType.APPLICATION_JSON,
                    acceptEncoding);
        });
    }

    private byte[] json(HistoryPage page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a history page as JSON", e);
        }
    }
}
