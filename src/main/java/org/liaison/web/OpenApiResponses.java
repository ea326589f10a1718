package org.liaison.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every operation of a kind can give, added to the OpenAPI document once here
 * rather than annotated on each method: any request may be a 400 (an unknown parameter) or a
 * 500 (with an incident id); a body may be unreadable (400), of another media type (415) or
 * invalid (422); a PUT or PATCH of one record may meet a newer version (409, 412); every
 * aggregate also answers CSV and tables, 304 and 406. Runs at build time.
 */
public class OpenApiResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            APIResponses r = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
            op.setResponses(r);
            problem(r, "400", method == PathItem.HttpMethod.GET ? "Unknown or malformed query parameter"
                    : "Unknown query parameter, or a body that is not well-formed");
            problem(r, "500", "Unexpected error: the detail carries an incident id that is in the server log");
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                problem(r, "415", "A body of a media type this operation does not take");
                problem(r, "422", "Invalid fields (each one named, with its reason); nothing written");
            }
            if (path.contains("{")) {
                problem(r, "404", "No such resource");
                if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                    problem(r, "409", "A stale version field, or a key another record has");
                    problem(r, "412", "If-Match names another version: someone changed the record since it was read");
                }
            }
            if (path.startsWith("/api/stats/")) {
                aggregate(r);
            }
        }));
    }

    /** Every aggregate: JSON, CSV or a table; 304 for a current ETag; 406 for an Accept naming none of them. */
    private static void aggregate(APIResponses r) {
        APIResponse ok = r.getAPIResponse("200");
        if (ok != null && ok.getContent() != null) {
            Content c = ok.getContent();
            for (String type : new String[] { "text/csv", "text/plain" }) {
                if (c.getMediaType(type) == null) {
                    c.addMediaType(type, OASFactory.createMediaType());
                }
            }
            ok.setDescription(ok.getDescription() + " (JSON; CSV for Accept: text/csv or format=csv; an aligned table for "
                    + "Accept: text/plain or format=table); ETag, gzip for Accept-Encoding: gzip");
        }
        if (r.getAPIResponse("304") == null) {
            r.addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified: If-None-Match names the current ETag"));
        }
        problem(r, "406", "Accept names none of application/json, text/csv, text/plain");
    }

    /** RFC 9457, as {@link Problem} writes it. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING));
        Schema error = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text).addProperty("value", text).addProperty("reason", text)
                .addProperty("line", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)));
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("application/problem+json (RFC 9457); type is stable per kind: urn:liaison:problem:validation, "
                        + "…:invalid-parameter, …:not-found, …:conflict, …")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY)).items(error));
    }

    private static void problem(APIResponses r, String status, String description) {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        APIResponse existing = r.getAPIResponse(status);
        if (existing != null) {
            // documented by an annotation, perhaps without its body: every error body is a problem
            if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
            }
            return;
        }
        r.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem)));
    }
}
