package org.liaison.exchange.bulk;

import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.liaison.auth.Role;
import org.liaison.auth.StatusFreeImport;
import org.liaison.auth.Subject;
import org.liaison.exchange.Actor;
import org.liaison.exchange.ExchangeResource;
import org.liaison.web.IdleTimeoutHold;
import org.liaison.web.MediaTypes;
import org.liaison.web.Params;
import org.liaison.web.Problem;
import org.liaison.web.WriteParameters;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.QueryParam;

@Path("/api/exchanges/import")
@Tag(name = "Exchanges")
public class ExchangeImportResource {

    private final ExchangeImporter importer;

    public ExchangeImportResource(ExchangeImporter importer) {
        this.importer = importer;
    }

    @POST
    @Consumes({ MediaTypes.NDJSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bulk import NDJSON", description = "One exchange per line, in the shape of POST (an export "
            + "re-imports as it is). All or nothing: any bad line writes nothing and the 422 lists every bad line with its "
            + "number, field and reason. Lines match stored exchanges by natural key (the line's key, else date, kind, venue, "
            + "participants and participant localities): unchanged ones are left alone, changed ones replaced, so "
            + "re-importing a file changes nothing. A new line without a key of its own that is already known (overlapping "
            + "dates and a shared participant or participant locality with a stored exchange) is an error line naming the "
            + "stored id. Every record created or changed is in its audit trail (GET /api/exchanges/{id}/history) with the "
            + "import's id (import_id of the answer) as context; a line that moves a stored record to rejected needs a reason. "
            + "At most 200,000 lines. The body is read as a stream and written in "
            + "batches inside one transaction, so a large file is not held in memory. Content-Type: application/x-ndjson "
            + "(text/plain and application/octet-stream too; curl: --data-binary @file -H 'Content-Type: application/x-ndjson').")
    @RequestBody(content = @Content(mediaType = MediaTypes.NDJSON, examples = @ExampleObject(name = "one line",
            value = ExchangeResource.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Counts of the lines created, updated and left unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeImporter.ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Unknown query parameter, or a malformed reason", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More than 200,000 lines, or a body over the size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not NDJSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Bad lines (every one listed with its line number); nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Blocking // reads the body as a stream while earlier batches are being written
    @RolesAllowed(Role.EDITOR) // lines that state a status: reviewer (StatusFreeImport)
    public ExchangeImporter.ImportResult importNdjson(InputStream body, @Context UriInfo uri, @Context SecurityContext caller,
            @Context RoutingContext request,
            @Parameter(description = WriteParameters.REASON_DESCRIPTION + " Required when a line moves a stored record to "
                    + "rejected.") @QueryParam(WriteParameters.REASON) String reason) {
        Params.only(uri, List.of(WriteParameters.REASON));
        Actor actor = Actor.of(Subject.of(caller), Role.strongest(caller), WriteParameters.text(reason));
        return importer.importNdjson(StatusFreeImport.of(new InputStreamReader(body, StandardCharsets.UTF_8), caller), actor,
                () -> IdleTimeoutHold.untilAnswered(request)); // the writing may take longer than the idle time-out
    }
}
