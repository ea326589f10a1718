package org.liaison.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsing of query parameters with problem+json errors that name the parameter. */
public final class Params {

    private Params() {
    }

    /**
     * Refuses the parameters an endpoint does not take: a misspelt filter ("themes") must not
     * silently answer everything.
     */
    @SafeVarargs
    public static void only(UriInfo uri, Collection<String>... allowed) {
        Set<String> names = new LinkedHashSet<>();
        for (Collection<String> a : allowed) {
            names.addAll(a);
        }
        for (String name : uri.getQueryParameters().keySet()) {
            if (!names.contains(name)) {
                throw ProblemException.invalidParameter(text(name), uri.getQueryParameters().getFirst(name),
                        "is not a parameter of this endpoint; it takes " + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
        }
    }

    /**
     * The value as the client meant it. A raw (not percent-encoded) UTF-8 query string reaches
     * us decoded as ISO-8859-1, the HTTP request line's charset ("Lạng" as "Láº¡ng"): each run
     * of such characters whose bytes are well-formed UTF-8 is read as UTF-8.
     */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c < 0x80 || c > 0xFF) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i;
            while (end < value.length() && value.charAt(end) >= 0x80 && value.charAt(end) <= 0xFF) {
                end++;
            }
            // a run of Latin-1 letters: the bytes of raw UTF-8, when they decode as UTF-8
            String run = value.substring(i, end);
            String decoded = utf8(run.getBytes(StandardCharsets.ISO_8859_1));
            if (out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            out.append(decoded != null ? decoded : run);
            i = end;
        }
        return out == null ? value : out.toString();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null; // genuinely Latin-1 ("é" sent as %E9)
        }
    }

    /**
     * The request's URI with {@code offset} replaced: the link to the next page. Built from the
     * decoded parameters (re-encoded as UTF-8), so a raw UTF-8 query string gives a clean link.
     */
    public static String withOffset(UriInfo uri, long offset) {
        StringBuilder q = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("offset")) {
                for (String v : values) {
                    q.append(q.isEmpty() ? "" : "&").append(URLEncoder.encode(text(name), StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(text(v), StandardCharsets.UTF_8));
                }
            }
        });
        q.append(q.isEmpty() ? "" : "&").append("offset=").append(offset);
        return uri.getAbsolutePathBuilder().replaceQuery(null).build() + "?" + q;
    }

    /** A date parameter ({@code from}, {@code to}, {@code as_of}): within {@link DateRange#QUERY}, the range of every one. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = DateRange.QUERY.problem(value);
        if (problem != null) {
            throw ProblemException.invalidParameter(name, value, problem);
        }
        return DateRange.parse(value);
    }

    public static String country(String name, String value) {
        return oneOf(name, value == null ? null : text(value).toUpperCase(Locale.ROOT), Set.of("VN", "CN"));
    }

    public static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = text(value).strip();
        if (!allowed.contains(v)) {
            throw ProblemException.invalidParameter(name, v, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return v;
    }

    /** The two meanings of {@code format}: an output format and the codebook's exchange formats. */
    public record Format(String output, List<String> exchangeFormats) {
    }

    /** Splits the values of {@code format} into at most one output format and any exchange formats. */
    public static Format format(List<String> values, Set<String> outputs, List<String> exchangeFormats) {
        String output = null;
        List<String> exchange = new ArrayList<>();
        for (String s : values) {
            if (outputs.contains(s) && (output == null || output.equals(s))) {
                output = s;
            } else if (exchangeFormats.contains(s)) {
                exchange.add(s);
            } else {
                throw ProblemException.invalidParameter("format", s, (outputs.contains(s) ? "names a second output format; "
                        : "") + "takes one output format (" + String.join(", ", outputs.stream().sorted().toList())
                        + ") and/or exchange formats (" + String.join(", ", exchangeFormats) + ")");
            }
        }
        return new Format(output, List.copyOf(exchange));
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
