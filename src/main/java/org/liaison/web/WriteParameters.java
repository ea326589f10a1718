package org.liaison.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No write of the API takes a query parameter (what a write needs is in its body and its path),
 * so any one on a POST, PUT, PATCH or DELETE is a 400 naming it, like an unknown parameter on a
 * read: one rule for every write endpoint, so that a new one cannot forget it.
 */
public class WriteParameters {

    /** The 400 is a ProblemException, answered by {@link ProblemMappers} like any other. */
    @ServerRequestFilter
    public void refuse(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")
                && request.getUriInfo().getPath().startsWith("/api/")) {
            Params.only(request.getUriInfo(), List.of());
        }
    }
}
