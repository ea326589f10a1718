package org.liaison.feed.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An article's identity as a URL: two links to one page are one item (fetched once, one
 * source). Scheme and host in lower case, the default port dropped, no fragment, an empty path
 * as "/", and the tracking parameters of newsletters and social sites removed (utm_*, fbclid,
 * gclid, ...); the other parameters keep their order and spelling.
 */
public final class CanonicalUrl {

    /** Parameters that say where a reader came from, not which page it is. */
    static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "cmpid", "ocid", "spm");

    private CanonicalUrl() {
    }

    /** The normalised form of an absolute http(s) URL; IllegalArgumentException (with why) for anything else. */
    public static String of(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = IDN.toASCII(uri.getHost(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = withoutTracking(uri.getRawQuery());
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port) + path
                + (query == null ? "" : "?" + query);
    }

    /** An absolute http(s) URL with a host and no user name or password; IllegalArgumentException saying what is wrong. */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an absolute http(s) URL is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry a user name or password");
        }
        return uri;
    }

    static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
