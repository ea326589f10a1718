package org.liaison.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * quarkus.http.limits.max-body-size for bodies sent without a Content-Length (chunked), with a
 * problem document. Quarkus checks a Content-Length itself (and {@link HttpErrorBodies} answers
 * that one), but a chunked body is counted by the REST layer's input stream while a resource
 * reads it, and that stream answers an empty 413 there and then: a response the exception
 * mappers can no longer replace. So the route {@link #raiseQuarkusCount} moves that count well
 * above the limit, and this interceptor counts the bytes every body reader takes (the JSON
 * bodies and the import's stream alike) against the limit itself: the reader fails with a
 * {@link ProblemException} before anything is answered, and the problem is sent instead.
 */
@Provider
public class HttpBodyLimit implements ReaderInterceptor {

    /**
     * How far the input stream's own count is moved past the limit. It counts the bytes received,
     * which run ahead of those read by at most the few chunks it holds (it asks for one at a time).
     */
    static final long MARGIN = 1024 * 1024;

    static final String MAX_BODY = "quarkus.http.limits.max-body-size";

    /**
     * Read at the first body, not injected: the REST layer makes its providers when a native image
     * is built, and a value injected then would be the build's, not the one the run is given.
     */
    private volatile long maxBody = -1;

    long maxBody() {
        long max = maxBody;
        if (max < 0) {
            max = ConfigProvider.getConfig().getOptionalValue(MAX_BODY, MemorySize.class)
                    .map(MemorySize::asLongValue).orElse(10240L * 1024);
            maxBody = max;
        }
        return max;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), maxBody()));
        return context.proceed();
    }

    /**
     * A Vert.x route after Quarkus' upload limit (which hands its limit to the input stream only for
     * a body without a Content-Length): the stream's count gets the margin, and a refused body's
     * connection is closed once the 413 is out, as Quarkus' own answer does (the rest of the body
     * is not read).
     */
    static void raiseQuarkusCount(RoutingContext ctx) {
        Long limit = ctx.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        if (limit != null && limit > 0) {
            ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit + MARGIN);
            if (ctx.request().version() != HttpVersion.HTTP_2) {
                ctx.addHeadersEndHandler(v -> {
                    if (ctx.response().getStatusCode() == 413) {
                        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                    }
                });
                ctx.addEndHandler(done -> {
                    if (ctx.response().getStatusCode() == 413) {
                        ctx.request().connection().close();
                    }
                });
            }
        }
        ctx.next();
    }

    /** The body as read, refused once it grows past the limit. */
    static final class Bounded extends FilterInputStream {

        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body grew past " + max + " bytes, the most the "
                        + "service takes (quarkus.http.limits.max-body-size): split the file");
            }
        }
    }
}
