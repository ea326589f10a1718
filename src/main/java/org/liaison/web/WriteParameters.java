package org.liaison.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No write of the API takes a query parameter (what a write needs is in its body and its path),
 * so any one on a POST, PUT, PATCH or DELETE is a 400 naming it, like an unknown parameter on a
 * read: one rule for every write endpoint, so that a new one cannot forget it.
 */
public class WriteParameters {

    @ServerRequestFilter
    public Response refuse(ContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        try {
            Params.only(request.getUriInfo(), List.of());
            return null;
        } catch (ProblemException e) {
            Problem p = e.problem().at(request.getUriInfo().getPath());
            return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
        }
    }
}
