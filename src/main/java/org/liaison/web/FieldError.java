package org.liaison.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending input: which field (a JSON path such as {@code localities[2].name}), the value, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record FieldError(Integer line, String field, String value, String reason) {

    /** The longest value echoed whole; a longer one is cut (an error about a 1 MB string need not carry it back). */
    static final int MAX_VALUE = 200;
    /** Reasons are the service's words, but may quote a name the client sent ("unknown field '…'"). */
    static final int MAX_REASON = 1000;

    /**
     * Whatever a client sent can be echoed: a lone surrogate or a NUL is made printable
     * ({@link TextCheck#printable}), and a field or value over {@link #MAX_VALUE} characters (a
     * reason over {@link #MAX_REASON}) is cut, with its length.
     */
    public FieldError {
        field = shortened(TextCheck.printable(field), MAX_VALUE);
        value = shortened(TextCheck.printable(value), MAX_VALUE);
        reason = shortened(TextCheck.printable(reason), MAX_REASON);
    }

    static String shortened(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isLowSurrogate(value.charAt(max)) ? max - 1 : max; // a pair stays whole
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    public static FieldError of(String field, String value, String reason) {
        return new FieldError(null, field, value, reason);
    }

    public FieldError atLine(int line) {
        return new FieldError(line, field, value, reason);
    }
}
