package org.liaison.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending input: which field (a JSON path such as {@code localities[2].name}), the value, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record FieldError(Integer line, String field, String value, String reason) {

    /** Whatever a client sent can be echoed: a lone surrogate or a NUL is made printable ({@link TextCheck#printable}). */
    public FieldError {
        field = TextCheck.printable(field);
        value = TextCheck.printable(value);
        reason = TextCheck.printable(reason);
    }

    public static FieldError of(String field, String value, String reason) {
        return new FieldError(null, field, value, reason);
    }

    public FieldError atLine(int line) {
        return new FieldError(line, field, value, reason);
    }
}
