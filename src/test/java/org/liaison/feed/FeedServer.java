package org.liaison.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The news sites of the feed tests: an HTTP server of the test's own on 127.0.0.1 (a free port),
 * answering each path as the test says, and counting the requests per path, so that a test can
 * assert what the service fetched and how often. Its threads are many, so a slow answer holds
 * up only its own request.
 */
final class FeedServer implements AutoCloseable {

    /** An answer to the {@code nth} request (1, 2, …) of a path. */
    interface Answer {
        void answer(HttpExchange exchange, int nth) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                int nth = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                Answer a = answers.get(path);
                if (a == null) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    a.answer(exchange, nth);
                }
            } catch (IOException | RuntimeException e) {
                // a client that gave up (the service's time-out) closes the connection under us
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FeedServer on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    static Answer body(String type, String body) {
        return (ex, nth) -> send(ex, 200, type, body);
    }

    /** The body and its ETag as they are now; a request naming that ETag gets a 304. */
    static Answer conditional(String type, Supplier<String> body, Supplier<String> etag) {
        return (ex, nth) -> {
            String tag = etag.get();
            if (tag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("ETag", tag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", tag);
            send(ex, 200, type, body.get());
        };
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
