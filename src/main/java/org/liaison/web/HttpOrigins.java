package org.liaison.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cross-origin rule of Quarkus' CORS filter (CORSFilter, route order -300), read from the
 * same settings (quarkus.http.cors.*), so that {@link HttpLayerProblems} can refuse, with a
 * problem document, exactly the requests that filter would refuse with an empty 403: an
 * {@code Origin} that is neither listed (exactly or as a {@code /regex/}) nor the service's own,
 * and, from a listed origin, a method outside quarkus.http.cors.methods (preflights excepted).
 * Where this copy cannot be sure it answers "allowed", and the filter decides as before: a
 * divergence can only leave an empty 403, never refuse what the filter lets through.
 */
@Singleton
public class HttpOrigins {

    /** What the filter would do with a request. */
    enum Verdict {
        ALLOWED, ORIGIN_REFUSED, METHOD_REFUSED
    }

    private final boolean enabled;
    private final List<String> origins;
    private final boolean anyOrigin;
    private final List<Pattern> originPatterns;
    /** Null: any method (none configured, or "*"). */
    private final List<String> methods;

    public HttpOrigins(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods) {
        this.enabled = enabled;
        this.origins = origins.orElse(List.of());
        this.anyOrigin = this.origins.size() == 1 && (this.origins.get(0).equals("*") || this.origins.get(0).equals("/.*/"));
        this.originPatterns = this.origins.stream().filter(o -> o.length() > 1 && o.startsWith("/") && o.endsWith("/"))
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
        List<String> m = methods.orElse(List.of());
        this.methods = m.isEmpty() || m.equals(List.of("*")) ? null : m;
    }

    Verdict verdict(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!enabled || origin == null) {
            return Verdict.ALLOWED;
        }
        boolean listed = !anyOrigin
                && (origins.contains(origin) || originPatterns.stream().anyMatch(p -> p.matcher(origin).matches()));
        if (!anyOrigin && !listed && !sameOrigin(request, origin)) {
            return Verdict.ORIGIN_REFUSED;
        }
        if ((anyOrigin || listed) && !preflight(request) && methods != null && !methods.contains(request.method().name())) {
            return Verdict.METHOD_REFUSED;
        }
        return Verdict.ALLOWED;
    }

    /** The methods a listed origin may use, for the problem's detail. */
    String methods() {
        return methods == null ? "any" : String.join(", ", methods);
    }

    static boolean preflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
    }

    /**
     * The filter's same-origin test: the origin is this request's scheme and authority, or names the
     * same host and (default) port. True whenever unsure (a request without a usable authority).
     */
    static boolean sameOrigin(HttpServerRequest request, String origin) {
        try {
            String scheme = request.scheme();
            if (request.authority() == null || scheme == null) {
                return true;
            }
            if (!origin.startsWith(scheme + "://")) {
                return false;
            }
            if (origin.equals(scheme + "://" + request.authority())) {
                return true;
            }
            URI base = URI.create(request.absoluteURI());
            URI from;
            try {
                from = URI.create(origin);
            } catch (IllegalArgumentException e) {
                return false; // the filter refuses a malformed origin too
            }
            if (base.getHost() == null) {
                return true;
            }
            if (from.getPath() == null || !from.getPath().isEmpty() || !base.getHost().equals(from.getHost())) {
                return false;
            }
            int port = defaultPort(base.getScheme(), base.getPort());
            return port == defaultPort(from.getScheme(), from.getPort());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static int defaultPort(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
}
