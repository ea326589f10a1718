package org.liaison.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The rules every query parameter of the API follows, whatever the endpoint, checked once before
 * any resource runs: no NUL character or lone surrogate in a name or a value ({@link TextCheck}),
 * and no empty value ({@code ?sort=} or {@code ?top=%20} is a 400 naming the parameter, not
 * silently the default). Each endpoint then checks which parameters it takes and their values.
 */
public class QueryParameters {

    /** The 400 is a ProblemException, answered by {@link ProblemMappers} like any other. */
    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = Params.text(p.getKey());
            String nameProblem = TextCheck.problem(name);
            if (nameProblem != null) {
                throw ProblemException.invalidParameter(name, null, "the parameter's name " + nameProblem);
            }
            for (String raw : p.getValue()) {
                String value = Params.text(raw);
                String problem = TextCheck.problem(value);
                if (problem != null) {
                    throw ProblemException.invalidParameter(name, value, problem);
                }
                if (value == null || value.isBlank()) {
                    throw ProblemException.invalidParameter(name, value, "is empty; leave the parameter out for its default");
                }
            }
        }
    }
}
