package org.liaison.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** Parsing of query parameters with problem+json errors that name the parameter. */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(name, value, "expected a date as YYYY-MM-DD");
        }
    }

    public static String country(String name, String value) {
        return oneOf(name, value == null ? null : value.toUpperCase(Locale.ROOT), Set.of("VN", "CN"));
    }

    public static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.strip())) {
            throw ProblemException.invalidParameter(name, value, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value.strip();
    }

    /** The two meanings of {@code format}: an output format and the codebook's exchange format. */
    public record Format(String output, String exchangeFormat) {
    }

    private static final Set<String> EXCHANGE_FORMATS = Set.of("in_person", "online", "phone", "hybrid");

    public static Format format(String value, Set<String> outputs) {
        String output = null;
        String exchange = null;
        if (value != null) {
            for (String v : value.split(",")) {
                String s = v.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (outputs.contains(s) && output == null) {
                    output = s;
                } else if (EXCHANGE_FORMATS.contains(s) && exchange == null) {
                    exchange = s;
                } else {
                    // An output format we cannot produce: 406, like an Accept header naming none we offer.
                    String reason = "takes one output format (" + String.join(", ", outputs.stream().sorted().toList())
                            + ") and/or one exchange format (" + String.join(", ", EXCHANGE_FORMATS.stream().sorted().toList()) + ")";
                    throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "Query parameter 'format': " + reason,
                            java.util.List.of(FieldError.of("format", value, reason)));
                }
            }
        }
        return new Format(output, exchange);
    }

    public static int intIn(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw ProblemException.invalidParameter(name, value, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, value, "must be a whole number between " + min + " and " + max);
        }
    }
}
