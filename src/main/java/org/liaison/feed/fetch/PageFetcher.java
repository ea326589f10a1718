package org.liaison.feed.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET of a feed, a page or a robots.txt (the JDK's HTTP client, called from a poller's worker
 * thread): the address rule before every request, the host's turn, one deadline for the whole
 * exchange (connect, headers and body), a body-size limit, and redirects followed by hand (at
 * most {@code maxRedirects}) so that each target passes the address rule too.
 */
public final class PageFetcher {

    /** A response: the final URL (after redirects), status, body and the validators for a conditional GET. */
    public record Page(URI uri, int status, byte[] body, String contentType, String etag, String lastModified) {
    }

    /**
     * One per fetcher, made when the fetcher is (at run time): a static client would be made when
     * the native image is built, and a running HTTP client cannot be stored in an image.
     */
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final AddressPolicy addresses;
    private final HostPacing pacing;
    private final Duration timeout;
    private final int maxBytes;
    private final int maxRedirects;
    private final String userAgent;

    public PageFetcher(AddressPolicy addresses, HostPacing pacing, Duration timeout, int maxBytes, int maxRedirects,
            String userAgent) {
        this.addresses = addresses;
        this.pacing = pacing;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
    }

    public String userAgent() {
        return userAgent;
    }

    /** GET {@code uri} with these extra headers; a 3xx other than a redirect (304) is returned as it is. */
    public Page get(URI uri, Map<String, String> headers) throws FetchFailure, InterruptedException {
        URI current = uri;
        for (int hop = 0;; hop++) {
            pacing.await(current);
            // checked after the host's turn, right before the request: the JDK keeps a resolved address for 30 s
            // (networkaddress.cache.ttl), so the client almost always connects to the address just judged, where a
            // long wait for the turn left a DNS answer with a short lifetime time to swap in another (DNS rebinding);
            // the window left is the cache entry expiring between the two (README, "No server-side request forgery")
            String refused = addresses.problem(current);
            if (refused != null) {
                throw new FetchFailure(refused, false);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeout).header("User-Agent", userAgent);
            headers.forEach(request::header);
            HttpResponse<byte[]> response = send(request.build());
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (List.of(301, 302, 303, 307, 308).contains(status) && location != null) {
                if (hop >= maxRedirects) {
                    throw new FetchFailure("more than " + maxRedirects + " redirects (last to " + location + ")", false);
                }
                try {
                    current = CanonicalUrl.parse(current.resolve(location.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new FetchFailure("a redirect to " + location + ", which " + e.getMessage(), false);
                }
                continue;
            }
            return new Page(current, status, response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws FetchFailure, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> new Limited(maxBytes));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchFailure("no complete answer within " + seconds(timeout) + " from " + request.uri(), true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new FetchFailure("the answer of " + request.uri() + " is larger than " + maxBytes + " bytes", false);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new FetchFailure("cannot connect to " + request.uri().getHost() + " within the time-out", true);
            }
            if (cause instanceof ConnectException) {
                throw new FetchFailure("cannot connect to " + request.uri().getHost() + ":" + request.uri().getPort()
                        + " (connection refused)", true);
            }
            throw new FetchFailure("the request to " + request.uri() + " failed: " + describe(cause), true);
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** The body past the limit is not read: the exchange is cancelled. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large", null);
        }
    }

    /** Collects a body of at most {@code max} bytes. */
    static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Limited(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (out.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
