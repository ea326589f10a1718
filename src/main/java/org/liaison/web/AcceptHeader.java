package org.liaison.web;

import java.util.Locale;
import java.util.Map;

/** Content negotiation (RFC 9110 12.5.1): the offer an Accept header prefers, by q-value, then by the offers' order. */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * @param offers media type (lower case, no parameters) to what it stands for, in the
     *        endpoint's order of preference; the first one answers a missing Accept or {@code *}/{@code *}
     * @return null when the header accepts none of them
     */
    public static <T> T best(String accept, Map<String, T> offers) {
        if (accept == null || accept.isBlank()) {
            return offers.values().iterator().next();
        }
        T best = null;
        double bestQ = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.strip().split(";");
            if (parts.length == 0 || parts[0].isBlank()) {
                continue;
            }
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            T offer = match(type, offers);
            if (offer != null && q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return best;
    }

    private static <T> T match(String range, Map<String, T> offers) {
        if (range.equals("*/*") || range.equals("*")) {
            return offers.values().iterator().next();
        }
        if (range.endsWith("/*")) {
            String prefix = range.substring(0, range.length() - 1);
            return offers.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return offers.get(range);
    }
}
