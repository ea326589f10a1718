package org.liaison.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

/**
 * What the HTTP layer refuses before any resource runs is a problem document too (issue 15):
 * overlong request lines (414) and headers (431), unparsable request-URIs (400), foreign origins
 * and cross-origin methods (403), requests the router cannot route (no Host, {@code OPTIONS *}),
 * chunked bodies over the size limit (413). Sent over raw sockets where a client library would
 * refuse to send such a request. Also what still gets a bare answer: a request beyond Vert.x'
 * hard limits, and bytes the HTTP decoder cannot read as a request at all.
 */
@QuarkusTest
@TestProfile(HttpLayerProblemsTest.Layer.class)
class HttpLayerProblemsTest {

    /** A small body limit (a chunked body over it is quick to send) and an origin pattern beside the dashboard's. */
    public static class Layer implements QuarkusTestProfile {

        static {
            // What LiaisonMain sets before a jar or dev-mode run; a @QuarkusTest application does not run main.
            // Quarkus reads it when its HTTP classes initialise, so it must be set before the first start in
            // this JVM: Quarkus' test orderer instantiates the profiles before any test runs (measured), so
            // every @QuarkusTest of a run that includes this class gets the check of HttpLayerProblems,
            // as the artifact does.
            System.setProperty("vertx.disableURIValidation", "true");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "64K",
                    "quarkus.http.cors.origins", DASHBOARD + ",/https://[a-z]+[.]dashboard[.]example/");
        }
    }

    static final String DASHBOARD = "https://dashboard.example";
    static final String PROBLEM = "application/problem+json";
    /** A Java type name (org.liaison.web.Problem, java.net.URISyntaxException) or a library's words in a detail. */
    static final Pattern JAVA_WORDS = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|Vert\\.x|Netty|`");

    record Answer(String statusLine, int status, Map<String, String> headers, String body, boolean closed) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonPath json() {
            return JsonPath.from(body);
        }

        /** A problem of this status and type, with a detail in the project's words. */
        Answer isProblem(int expected, String slug) {
            assertEquals(expected, status, this::toString);
            assertTrue(String.valueOf(header("Content-Type")).startsWith(PROBLEM), this::toString);
            JsonPath p = json();
            assertEquals("urn:liaison:problem:" + slug, p.getString("type"), body);
            assertEquals(expected, p.getInt("status"), body);
            assertFalse(p.getString("title").isBlank(), body);
            assertFalse(p.getString("detail").isBlank(), body);
            assertFalse(JAVA_WORDS.matcher(p.getString("detail")).find(), body);
            return this;
        }

        /** The status and no body: decided by Vert.x' decoder, before any route. */
        Answer isBare(int expected) {
            assertEquals(expected, status, this::toString);
            assertTrue(body.isEmpty(), this::toString);
            return this;
        }
    }

    /** Sends {@code head} (ISO-8859-1, so that any byte can be sent) and reads the whole answer; the request asks to close. */
    static Answer raw(String head) throws IOException {
        try (Socket s = new Socket("localhost", io.restassured.RestAssured.port)) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    static Answer get(String target, String... headers) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "Connection: close\r\n\r\n");
    }

    /** Reads one answer to its end (the connection is closed after it, by either side). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        boolean closed = true;
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            closed = false;
        } catch (IOException reset) {
            // closed by the server while this side was still sending
        }
        String text = out.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
        return new Answer(lines[0], status, headers, body, closed);
    }

    // ---- 414 and 431: enforced by the service below raised Vert.x limits ----

    /** A request line of exactly {@code length} bytes: GET, a query of that length, HTTP/1.1. */
    static String lineOf(int length) {
        String start = "/api/exchanges?q=";
        return start + "a".repeat(length - "GET ".length() - start.length() - " HTTP/1.1".length());
    }

    @Test
    void aRequestLineOverTheLimitIs414Problem() throws IOException {
        // a keep-alive request: the connection is closed after the answer all the same, as Vert.x' own 414 does
        Answer a = raw("GET " + lineOf(4097) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").isProblem(414, "uri-too-long");
        assertTrue(a.json().getString("detail").contains("4097 bytes") && a.json().getString("detail").contains("4096"), a.body());
        assertTrue(a.closed(), a::toString);
        // at the limit the request reaches the service, which has its own rule for q
        assertEquals(400, get(lineOf(4096)).isProblem(400, "invalid-parameter").status());
        get(lineOf(20_000)).isProblem(414, "uri-too-long");
    }

    @Test
    void aRequestLineBeyondVertxLimitIsStillABare414() throws IOException {
        // quarkus.http.limits.max-initial-line-length (65536): Vert.x' decoder answers before any route
        get(lineOf(70_000)).isBare(414);
    }

    @Test
    void headersOverTheLimitAre431Problem() throws IOException {
        Answer a = get("/api/themes", "X-Big: " + "a".repeat(30_000) + "\r\n").isProblem(431, "headers-too-large");
        assertTrue(a.json().getString("detail").contains("20480"), a.body());
        get("/api/themes", "Cookie: " + "a".repeat(12_000) + "\r\n", "X-Other: " + "b".repeat(12_000) + "\r\n")
                .isProblem(431, "headers-too-large");
        // well under the limit: answered as usual
        assertEquals(200, get("/api/themes", "X-Big: " + "a".repeat(10_000) + "\r\n").status());
    }

    @Test
    void headersBeyondVertxLimitAreStillABare431() throws IOException {
        // quarkus.http.limits.max-header-size (64K)
        get("/api/themes", "X-Big: " + "a".repeat(70_000) + "\r\n").isBare(431);
    }

    // ---- 400: request-URIs java.net.URI cannot parse ----

    @Test
    void unparsableRequestUrisAre400ProblemsOnEveryPath() throws IOException {
        for (String target : List.of("/api/exchanges?q=%", "/api/exchanges?q=%zz", "/api/exchanges?q=a%2", "/api/exchanges?q=L\u0085ng",
                "/api/exchanges?q=L\u00c3\u00a0ng", "/api/exchanges?q=a^b", "/api/themes?domain=|", "/api/ex%zz",
                "/api/exchanges/%zz", "/api/exchanges/\u0085", "/api/stats/summary?q=%", "/api/stats/themes?q=L\u0085ng",
                "/api/exchanges/export?q=%", "/q/health/ready?x=%", "/q/openapi?format=%")) {
            Answer a = get(target).isProblem(400, "invalid-uri");
            assertEquals("The request URI is not a valid URI", a.json().getString("title"));
        }
        // a write too, whose body is not read: the connection is closed after the answer
        Answer post = raw("POST /api/exchanges?x=% HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        post.isProblem(400, "invalid-uri");
        assertTrue(post.closed());
    }

    @Test
    void theDetailSaysWhatToWriteInstead() throws IOException {
        Answer percent = get("/api/exchanges?q=50%").isProblem(400, "invalid-uri");
        assertTrue(percent.json().getString("detail").contains("%25"), percent.body());
        assertEquals("/api/exchanges", percent.json().getString("instance"), "a query's error: the path is quoted");
        Answer bytes = get("/api/exchanges?person=V\u0085ng").isProblem(400, "invalid-uri");
        assertTrue(bytes.json().getString("detail").contains("0x85") && bytes.json().getString("detail").contains("UTF-8"),
                bytes.body());
        Answer pipe = get("/api/themes?domain=a|b").isProblem(400, "invalid-uri");
        assertTrue(pipe.json().getString("detail").contains("%7C"), pipe.body());
        Answer path = get("/api/ex%zz").isProblem(400, "invalid-uri");
        assertEquals(null, path.json().getString("instance"), "a path that is itself invalid is not quoted as the instance");
    }

    @Test
    void whatJavaNetUriParsesStillReachesTheService() throws IOException {
        // the rule is Quarkus' own, not a stricter one: raw UTF-8 whose bytes are all over 0xA0 ("ạ"), escapes, '+'
        assertEquals(200, get("/api/exchanges?q=L\u00e1\u00ba\u00a1ng&limit=1").status());
        assertEquals(200, get("/api/exchanges?q=L%E1%BA%A1ng+S%C6%A1n&limit=1").status());
        assertEquals(200, get("/api/exchanges?q=100%25&limit=1").status());
    }

    // ---- 403: Quarkus' CORS rule, answered before its filter ----

    @Test
    void aForeignOriginIs403Problem() {
        given().header("Origin", "https://evil.example").get("/api/themes").then().statusCode(403).contentType(PROBLEM)
                .header("Vary", containsString("rigin")).header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("urn:liaison:problem:origin-not-allowed"))
                .body("detail", containsString("https://evil.example")).body("instance", equalTo("/api/themes"));
        // a preflight, a near miss of the pattern, another scheme, a write
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").options("/api/themes")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:liaison:problem:origin-not-allowed"));
        given().header("Origin", "https://a.dashboard.example.evil").get("/api/themes").then().statusCode(403).contentType(PROBLEM);
        given().header("Origin", "http://dashboard.example").get("/api/themes").then().statusCode(403).contentType(PROBLEM);
        long before = Database.exchanges();
        given().header("Origin", "https://evil.example").contentType("application/json").body("{}").post("/api/exchanges")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:liaison:problem:origin-not-allowed"));
        assertEquals(before, Database.exchanges());
    }

    static void passes(String origin) {
        given().header("Origin", origin).get("/api/themes").then().statusCode(200).header("Access-Control-Allow-Origin", origin);
        given().header("Origin", origin).header("Access-Control-Request-Method", "DELETE").options("/api/themes").then()
                .statusCode(200).header("Access-Control-Allow-Methods", containsString("DELETE"));
    }

    @Test
    void anOriginMatchingAListedPatternPasses() {
        passes("https://stats.dashboard.example");
    }

    @Test
    void listedAndSameOriginsPassAsBefore() throws IOException {
        passes(DASHBOARD);
        // the service's own origin needs no listing (Quarkus' same-origin rule)
        int port = io.restassured.RestAssured.port;
        assertEquals(200, raw("GET /api/themes HTTP/1.1\r\nHost: localhost:" + port + "\r\nOrigin: http://localhost:" + port
                + "\r\nConnection: close\r\n\r\n").status());
        // HEAD is a method a page may use without a preflight
        given().header("Origin", DASHBOARD).head("/api/themes").then().statusCode(200);
    }

    @Test
    void aMethodOutsideTheCorsMethodsIs403ProblemTheOriginCanRead() throws IOException {
        Answer a = raw("TRACE /api/themes HTTP/1.1\r\nHost: localhost\r\nOrigin: " + DASHBOARD + "\r\nConnection: close\r\n\r\n")
                .isProblem(403, "cross-origin-method-not-allowed");
        assertEquals(DASHBOARD, a.header("Access-Control-Allow-Origin"));
        assertTrue(a.json().getString("detail").contains("GET, HEAD, POST"), a.body());
        // without an Origin the method is the REST layer's business (405)
        assertEquals(405, raw("TRACE /api/themes HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").status());
    }

    // ---- what the router refuses itself ----

    @Test
    void aRequestTheRouterCannotRouteIsAProblem() throws IOException {
        Answer noHost = raw("GET /api/themes HTTP/1.1\r\nConnection: close\r\n\r\n").isProblem(400, "invalid-request");
        assertTrue(noHost.json().getString("detail").contains("Host"), noHost.body());
        raw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").isProblem(404, "not-found");
        // HTTP/1.0 without Host: the API's absolute links would have no host, so it is refused too
        raw("GET /api/themes HTTP/1.0\r\n\r\n").isProblem(400, "bad-request");
    }

    // ---- 413: a chunked body over quarkus.http.limits.max-body-size (64K here) ----

    /** POSTs {@code start} and then 16,000-byte chunks of x, chunked, {@code chunks} times; reads the answer. */
    static Answer chunked(String path, String contentType, String start, int chunks, String end) throws IOException {
        try (Socket s = new Socket("localhost", io.restassured.RestAssured.port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n" + HttpTimeoutsTest.AUTHORIZATION + "\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                chunk(out, start.getBytes(StandardCharsets.UTF_8));
                byte[] x = "x".repeat(16_000).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < chunks; i++) {
                    chunk(out, x);
                }
                chunk(out, end.getBytes(StandardCharsets.UTF_8));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the last chunk
            }
            return read(s.getInputStream());
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemAndWritesNothing() throws IOException {
        long before = Database.exchanges();
        for (String path : List.of("/api/exchanges", "/api/articles")) {
            Answer a = chunked(path, "application/json", "{\"notes\": \"", 8, "\"}").isProblem(413, "payload-too-large");
            assertTrue(a.json().getString("detail").contains("65536"), a.body());
            assertTrue(a.closed(), path + ": the rest of the body is not read; the connection is closed");
        }
        // the import reads its body as a stream: the same answer, not a time-out
        String line = org.liaison.exchange.ExchangeResourceTest.exchange("2003-03-03", ", \"notes\": \"").replace("\n", " ");
        chunked("/api/exchanges/import", "application/x-ndjson", line, 8, "\"}\n").isProblem(413, "payload-too-large");
        assertEquals(before, Database.exchanges());
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsUsual() throws IOException {
        // over the REST layer's 10 KB in-memory buffer, under the limit: read as a stream
        String text = "The Secretary of Lang Son province met the Guangxi delegation on 5 May 2024. ".repeat(400);
        // (the extract dry run takes no chunked body: 411, its own limit; a record is read as usual and validated)
        chunked("/api/articles/extract", "application/json", "{\"text\": \"" + text, 0, "\"}").isProblem(411, "length-required");
        chunked("/api/exchanges", "application/json", "{\"notes\": \"" + text, 0, "\"}").isProblem(422, "validation");
    }

    // ---- still bare: what the HTTP decoder cannot read as a request ----

    @Test
    void bytesThatAreNoHttpRequestStillGetABare400() throws IOException {
        // Vert.x' decoder (HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER): no route ever sees these (README)
        raw("GET /api/themes HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\nConnection: close\r\n\r\n").isBare(400);
        raw("GET /api/exchanges?q=a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").isBare(400);
        raw("POST /api/exchanges HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\nConnection: close\r\n\r\n").isBare(400);
    }
}
