package org.liaison.web;

/**
 * What text may hold wherever it enters the service (every string of a JSON body, every query
 * parameter): no NUL character (U+0000), which PostgreSQL text cannot store, and no lone UTF-16
 * surrogate (a JSON escape such as {@code "\ud800"} without its pair), which is no character
 * and would be stored as "?". One rule, applied by the body reader ({@code ExchangeReader}), the
 * article check and the query-parameter filter ({@link QueryParameters}).
 */
public final class TextCheck {

    private TextCheck() {
    }

    /** Why {@code s} cannot be taken as text, or null when it can. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000) at position " + i + ", which text cannot hold";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return lone(c, i);
            }
            if (Character.isLowSurrogate(c)) {
                return lone(c, i);
            }
        }
        return null;
    }

    private static String lone(char c, int at) {
        return String.format("contains a lone surrogate (\\u%04x) at position %d, which is no character: a UTF-16 surrogate "
                + "must come in a pair", (int) c, at);
    }

    /**
     * {@code s} as it may be echoed in an error: lone surrogates become U+FFFD (a JSON writer
     * cannot write them) and NUL is shown as "\u0000"; null stays null.
     */
    public static String printable(String s) {
        if (s == null || problem(s) == null) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                out.append("\\u0000");
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
