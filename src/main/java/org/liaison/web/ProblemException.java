package org.liaison.web;

import java.util.List;

/** Thrown by services to answer with a problem document; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    /** Seconds for a Retry-After header (503, 429), or null. */
    private final Integer retryAfter;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.problem = Problem.of(type, detail, errors);
        this.retryAfter = retryAfterSeconds;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemException invalidParameter(String name, String value, String reason) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, "Query parameter '" + name + "': " + reason,
                List.of(FieldError.of(name, value, reason)));
    }

    public static ProblemException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist");
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfter() {
        return retryAfter;
    }
}
