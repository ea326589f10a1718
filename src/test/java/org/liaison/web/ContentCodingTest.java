package org.liaison.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Accept-Encoding as RFC 9110 reads it, and a gzip that decodes to what went in. */
class ContentCodingTest {

    @Test
    void readsAcceptEncodingWithWeightsAndWildcards() {
        for (String yes : new String[] { "gzip", "GZIP", "gzip, deflate, br", "deflate, gzip;q=0.1", "x-gzip", "*",
                "br;q=1, *;q=0.5", "gzip ; q=1.0" }) {
            assertTrue(ContentCoding.acceptsGzip(yes), yes);
        }
        for (String no : new String[] { null, "", "identity", "br", "deflate", "gzip;q=0", "gzip;q=0.000", "*;q=0",
                "*, gzip;q=0", "gzip;q=oops" }) {
            assertFalse(ContentCoding.acceptsGzip(no), String.valueOf(no));
        }
    }

    @Test
    void gzipRoundTrips() throws IOException {
        byte[] body = "{\"rows\": [{\"code\": \"CN-GX\", \"name\": \"Guangxi\"}]}".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] zipped = ContentCoding.gzip(body);
        assertTrue(zipped.length < body.length / 10, "repetitive JSON compresses well: " + zipped.length);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }
}
