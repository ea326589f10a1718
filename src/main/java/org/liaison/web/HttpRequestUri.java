package org.liaison.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Which request-URIs the service takes: exactly those {@code java.net.URI} parses, the rule of
 * Quarkus' own check (VertxHttpRecorder, before its router), which answers the others with an
 * empty 400. LiaisonMain switches that check off (vertx.disableURIValidation) so that
 * {@link HttpLayerProblems} applies this same rule in the router's first route and can say what
 * is wrong. The rule must not be loosened: with no check at all, a {@code ?q=%} reaches the REST
 * layer's decoding and fails there with a 500, a raw byte 0x85 is read as the character U+0085.
 */
final class HttpRequestUri {

    private HttpRequestUri() {
    }

    /** Null when {@code uri} is a valid request-URI, else what is wrong with it, for a client. */
    static String problem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "The request has no URI";
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return explain(uri, e.getIndex());
        }
    }

    static boolean valid(String uri) {
        return problem(uri) == null;
    }

    private static String explain(String uri, int at) {
        if (at < 0 || at >= uri.length()) {
            return "The request URI is not a valid URI (RFC 3986)";
        }
        char c = uri.charAt(at);
        String where = " at character " + (at + 1) + " of the request URI";
        if (c == '%') {
            return "A '%'" + where + " is not followed by two hexadecimal digits: write a literal % as %25";
        }
        if (c == ' ') {
            return "A space" + where + ": write it as %20 (or + in a query)";
        }
        if (c < 0x20 || c >= 0x7f) {
            // the HTTP decoder hands the bytes on as ISO-8859-1 characters: c is the byte sent
            return String.format("The byte 0x%02X%s cannot stand unencoded in a URI: percent-encode text as UTF-8, "
                    + "e.g. curl -G --data-urlencode 'person=Vương Hộ Ninh'", (int) c, where);
        }
        return String.format("The character '%c'%s cannot stand unencoded in a URI: write it as %%%02X", c, where, (int) c);
    }
}
