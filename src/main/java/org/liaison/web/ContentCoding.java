package org.liaison.web;

import io.smallrye.mutiny.Multi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for large answers. Browsers and {@code curl --compressed} ask for it; a
 * 530 KB JSON table shrinks about 11-fold, which is what makes the big aggregates cheap to send
 * again and again. Compression runs at the fastest level: about 1.4 ms for 600 KB of JSON here.
 */
public final class ContentCoding {

    /** Below this a body fits in a packet or two and compressing it is not worth a header. */
    public static final int MIN_BYTES = 1024;

    private ContentCoding() {
    }

    /** Whether an Accept-Encoding header admits gzip (RFC 9110 12.5.3: gzip, x-gzip or *, q above 0). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.split(";");
            if (p.length == 0) {
                continue; // ";" alone names no coding (split drops the empty strings)
            }
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            boolean acceptable = quality(p) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = acceptable;
            } else if (coding.equals("*")) {
                any = acceptable;
            }
        }
        return gzip != null ? gzip : any != null && any;
    }

    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0; // a malformed weight is read as "not acceptable", the safe side
                }
            }
        }
        return 1;
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 8));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return out.toByteArray();
    }

    /**
     * gzip over a stream of text (the export): one gzip member written as the items come, a
     * chunk sent whenever 32 KB of compressed output have gathered, and the rest at the end.
     * Quarkus' own compression cannot be used: it would relabel the stats answers, which carry
     * their own gzip.
     */
    public static Multi<byte[]> gzip(Multi<String> text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        GZIPOutputStream gz;
        try {
            gz = new GZIPOutputStream(out, 64 * 1024, true) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.onItem().transform(s -> {
            try {
                gz.write(s.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.size() >= 32 * 1024 ? drain(out) : EMPTY;
        }).select().where(b -> b.length > 0)
                .onCompletion().continueWith(() -> {
                    try {
                        gz.finish();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return List.of(drain(out));
                });
    }

    /** 200 with the body, gzipped when the client accepts it and it is worth it. */
    public static Response ok(byte[] body, String mediaType, String acceptEncoding) {
        boolean gzip = body.length >= MIN_BYTES && acceptsGzip(acceptEncoding);
        Response.ResponseBuilder ok = Response.ok(gzip ? gzip(body) : body, mediaType).header(HttpHeaders.VARY,
                HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING);
        return (gzip ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip") : ok).build();
    }

    private static final byte[] EMPTY = new byte[0];

    private static byte[] drain(ByteArrayOutputStream out) {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }
}
