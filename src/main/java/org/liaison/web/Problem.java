package org.liaison.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of problem so that clients
 * can branch on it; {@code errors} lists every offending field, not only the first.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** A detail may quote what a client sent: a lone surrogate or a NUL is made printable ({@link TextCheck#printable}). */
    public Problem {
        detail = TextCheck.printable(detail);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:liaison:problem:";

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + type.slug, type.title, type.status, detail, null, errors);
    }

    /** The same problem with the status actually answered (a 4xx the HTTP layer decided that has no kind of its own). */
    public Problem withStatus(int status) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
