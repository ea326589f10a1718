package org.liaison.exchange;

import org.liaison.auth.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTTP client of one running service, for load: one connection per client (a writer
 * thread owns one, as an independent client would), timings taken around each exchange of
 * bytes. An answer that never comes (refused, reset, timed out) is an {@link Answer} with status
 * -1, not an exception: under load and during an outage it is a figure to count, like a 500.
 * java.net.http rather than REST Assured: it is thread-safe and adds next to nothing to a
 * request's time.
 */
public final class ServiceClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Longer than any answer should take, shorter than a test's patience. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    /** Sent as the bearer token of every request; null: anonymous. */
    private final String token;

    /** A client with the tests' admin token ({@link TestTokens#admin()}; bench: -Dbench.token overrides it). */
    public ServiceClient(URI base) {
        this(base, System.getProperty("bench.token", TestTokens.admin()));
    }

    public ServiceClient(URI base, String token) {
        this.base = base;
        this.token = token;
        // HTTP/1.1: the service is reached in clear text, where HTTP/2 would first try an upgrade on every connection
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Another client of the same service, with a connection of its own. */
    public ServiceClient another() {
        return new ServiceClient(base, token);
    }

    public URI base() {
        return base;
    }

    /**
     * One answer: {@code status} -1 when none came ({@code body} then says why); {@code startNanos}
     * and {@code nanos} on the {@link System#nanoTime()} clock.
     */
    public record Answer(int status, String contentType, String retryAfter, String etag, String body, long startNanos, long nanos) {

        public boolean answered() {
            return status > 0;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A 5xx, or no answer at all: what issue 15 counts as an error of the service. */
        public boolean failed() {
            return status < 0 || status >= 500;
        }

        public long endNanos() {
            return startNanos + nanos;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + excerpt(), e);
            }
        }

        /** The body's start, on one line: enough to recognise a problem document. */
        public String excerpt() {
            String b = body == null ? "" : body.replaceAll("\\s+", " ");
            return b.length() > 300 ? b.substring(0, 300) + "…" : b;
        }

        /** The version of an ETag ("3" → 3), or -1. */
        public int version() {
            try {
                return etag == null ? -1 : Integer.parseInt(etag.replace("W/", "").replace("\"", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, null, null);
    }

    public Answer post(String path, String contentType, String body) {
        return send("POST", path, contentType, body, null);
    }

    public Answer send(String method, String path, String contentType, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long t = System.nanoTime() - t0;
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.headers().firstValue("ETag").orElse(null), r.body(), t0, t);
        } catch (IOException e) {
            return new Answer(-1, null, null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), t0, System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, null, "interrupted", t0, System.nanoTime() - t0);
        }
    }

    /** GET that must answer 200, for the checks after a run. */
    public JsonNode getJson(String path) {
        Answer a = get(path);
        if (a.status != 200) {
            throw new IllegalStateException("GET " + path + " answered " + a.status + ": " + a.excerpt());
        }
        return a.json();
    }

    /** Every line of an NDJSON answer, parsed. */
    public List<JsonNode> ndjson(String path) {
        Answer a = get(path);
        if (a.status != 200) {
            throw new IllegalStateException("GET " + path + " answered " + a.status + ": " + a.excerpt());
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : a.body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("export line is not JSON: " + line, e);
                }
            }
        }
        return out;
    }
}
