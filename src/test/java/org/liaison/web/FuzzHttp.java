package org.liaison.web;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A plain HTTP/1.1 client over a socket, for the fuzz tests: it sends exactly the bytes it is
 * given (a header value, a Content-Length, a body that is not UTF-8) where an HTTP library would
 * refuse or repair them, and reads the answer to the end (one request per connection).
 */
final class FuzzHttp {

    /** What a request was: enough to send it again, and to print it when it fails. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        Request {
            headers = headers == null ? Map.of() : headers;
        }

        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        /** The request as a reader can paste it into curl: method, target, headers, the body's start. */
        String describe() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(target);
            headers.forEach((k, v) -> sb.append("\n    ").append(k).append(": ").append(escape(v, 200)));
            if (body != null) {
                sb.append("\n    body (").append(body.length).append(" bytes").append(isUtf8(body) ? "" : ", not UTF-8").append("): ")
                        .append(escape(new String(body, StandardCharsets.UTF_8), 400));
            }
            return sb.toString();
        }
    }

    /** Whether {@code bytes} are well-formed UTF-8 (no stray byte, no overlong form, no encoded surrogate). */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The answer: status, headers (names in lower case, the last value of each), the body decoded from gzip. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String describe() {
            return status + " " + header("content-type") + " " + escape(text(), 400);
        }
    }

    private FuzzHttp() {
    }

    static Answer send(Request r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:" + RestAssured.port);
        headers.put("Connection", "close");
        // writes need a token: the fuzzing is of what an authorised client can send
        headers.put("Authorization", "Bearer " + org.liaison.auth.TestTokens.admin());
        if (r.body() != null) {
            headers.put("Content-Length", String.valueOf(r.body().length));
        }
        headers.putAll(r.headers()); // a test may replace any of them
        headers.forEach((k, v) -> {
            if (v != null) {
                head.append(k).append(": ").append(v).append("\r\n");
            }
        });
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (r.body() != null) {
            out.writeBytes(r.body());
        }
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(out.toByteArray());
            s.getOutputStream().flush();
            return parse(readAll(s.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), "no answer within 60 s".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the service for " + r.describe(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the service may reset a connection whose body it did not read, after answering
        }
        return all.toByteArray();
    }

    static Answer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Answer(-1, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status;
        try {
            status = Integer.parseInt(lines[0].split(" ")[1]);
        } catch (RuntimeException e) {
            return new Answer(-1, Map.of(), raw);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                // left as it came: the assertion on the body then shows it
            }
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int eol = indexOf(body, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(new String(body, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0 || eol + 2 + size > body.length) {
                break;
            }
            out.write(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, byte[] b) {
        return indexOf(a, 0, b);
    }

    private static int indexOf(byte[] a, int from, byte[] b) {
        outer:
        for (int i = from; i <= a.length - b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Printable, one line, at most {@code max} characters: control characters and lone surrogates as escapes. */
    static String escape(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return s.length() > max ? sb + "… (" + s.length() + " chars)" : sb.toString();
    }
}
