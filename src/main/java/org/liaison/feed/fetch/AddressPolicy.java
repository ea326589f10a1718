package org.liaison.feed.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule against server-side request forgery: the service fetches only what a registered feed
 * names, and only from public addresses. A host is refused when any address it resolves to is
 * loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10), link-local (169.254/16, the cloud
 * metadata service 169.254.169.254, fe80::/10), unique-local (fc00::/7), multicast, or the
 * unspecified address: one bad address among good ones is enough, since the client may connect
 * to any of them. Hosts on the allow-list are fetched whatever they resolve to; a trial run
 * allows private addresses altogether (a feed on the same machine). The check is made at
 * registration and before every request, redirects included.
 */
public final class AddressPolicy {

    private final boolean allowPrivate;
    private final Set<String> allowHosts;

    public AddressPolicy(boolean allowPrivate, Set<String> allowHosts) {
        this.allowPrivate = allowPrivate;
        this.allowHosts = allowHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Null when the URL's host may be fetched, else why not. Resolves the host (blocking). */
    public String problem(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowHosts.contains(host)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "the host " + host + " does not resolve";
        }
        if (allowPrivate) {
            return null;
        }
        for (InetAddress a : addresses) {
            String kind = refused(a);
            if (kind != null) {
                return "the host " + host + " resolves to " + a.getHostAddress() + ", a " + kind
                        + " address: refused (liaison.feeds.allow-hosts lists hosts that may be fetched anyway)";
            }
        }
        return null;
    }

    /** The kind of a refused address, or null for a public one. */
    static String refused(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress() || (b.length == 4 && b[0] == 0)) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress() || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64)) {
            return "private";
        }
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (a.isMulticastAddress() || (b.length == 4 && (b[0] & 0xff) >= 240)) {
            return "multicast or reserved";
        }
        if (a instanceof Inet6Address six && isMappedOrCompatible(b)) {
            try { // ::ffff:10.0.0.1 written out: judge the IPv4 address inside
                return refused(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return "unreadable";
            }
        }
        return null;
    }

    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
