package org.liaison.web;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Hostile inputs for the fuzz tests, drawn from one seeded random source so that a seed names a
 * run: junk text (NUL, lone surrogates, control and invisible characters, very long strings,
 * out-of-range dates and numbers, SQL and pattern characters), JSON values of every type, valid
 * exchanges mutated field by field (dropped, of another type, junk, huge, unknown fields, bodies
 * cut short, given twice, not UTF-8), query strings for each endpoint, headers, import files and
 * articles. Generation never depends on the service's answers, so a seed replays the same requests.
 *
 * <p>Left out on purpose, because the HTTP layer answers them before the service runs, with a
 * status and no body (README, "What the HTTP layer answers itself"): request lines over 4,096
 * bytes, a '%' not followed by two hex digits, raw bytes 0x80-0xA0 or control characters in the
 * request line or in a header, malformed Content-Length, origins the CORS filter refuses.
 */
final class FuzzInputs {

    /** A piece of JSON written as is (a deep nesting, a number Java has no type for, a literal JSON does not have). */
    record Raw(String json) {
    }

    private final SplittableRandom random;

    FuzzInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    // ---- choices ----

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    // ---- text ----

    static final List<String> DATES = List.of("2024-05-06", "1900-01-01", "1899-12-31", "9999-12-31", "2020-02-29", "2021-02-29",
            "2020-13-01", "2020-00-10", "2020-1-1", "20200101", "-5000-01-01", "+10000-01-01", "-999999999-01-01",
            "+999999999-12-31", "0000-01-01", "2024-05-06T10:00:00Z", " 2024-05-06 ", "2024/05/06", "06.05.2024", "2099-01-01");
    static final List<String> NAMES = List.of("Hà Nội", "Ha Noi", "Hanoi", "VN-HN", "vn-hn", "Quảng Tây", "Guangxi", "CN-GX",
            "Hà Nam", "Dongxing", "Mong Cai", "Hồ Chí Minh", "TP Hồ Chí Minh", "Lang Son province", "Nam Ninh", "Cao Bang",
            "Wang Huning", "Vương Hộ Ninh", "Nguyen Xuan Thang", "Chen Gang", "Trần Cương", "Lưu Ninh", "CPV", "CPC", "CPPCC");
    static final List<String> CODES = List.of("VN", "CN", "vn", "XX", "talks", "meeting", "courtesy_call", "workshop", "signing",
            "other", "in_person", "online", "phone", "hybrid", "day", "month", "year", "central", "locality", "participant", "venue",
            "mentioned", "draft", "verified", "rejected", "en", "vi", "fr", "tourism", "trade-investment", "border-management",
            "economy", "security", "politics", "as-named", "current", "quarter", "all", "-date", "date", "created", "-updated");
    private static final List<String> ODD = List.of("", " ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u3000", "\u200b", "\u00ad",
            "\ufeff", "\u202e", "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\udfff\ud800", "😀", "\ud83d\ude00\ud83d", "\u0001",
            "\u001f", "\u007f", "\u0085", "a\u0301", "ß", "İ", "ǅ", "ﬃ", "Ⅻ", "²", "٣", "𝟘", "Ａ", "字", "العربية", "Đ", "đ",
            "%", "_", "%_", "\\", "\\\\", "'", "''", "\"", "'; drop table exchange; --", "select 1", "$1", "E'\\\\'", "::text",
            "/*", "*/", ";", "(", ")", "[", "]", "{", "}", ".*", "^$", "a|b", "?", "+", "%s%n", "${jndi:ldap://x/a}", "<script>",
            "../../etc/passwd", "null", "true", "NaN", "-0", "0", "-1", "1e309", "99999999999999999999", "-2147483649", "2147483648",
            "0x10", "1_000", "１２", ",", ",,", "a,,b", " , ", "https://example.org/a", "http://", "https://[", "https://%zz",
            "javascript:alert(1)", "ftp://example.org", "https://example.org:99999/", "mailto:a@b");

    /** A hostile or near-valid string; {@code maxLength} bounds the long ones (query strings must stay short). */
    String text(int maxLength) {
        String s = switch (random.nextInt(10)) {
            case 0, 1, 2 -> pick(ODD);
            case 3 -> pick(DATES);
            case 4 -> pick(NAMES);
            case 5 -> pick(CODES);
            case 6 -> pick(ODD) + pick(NAMES) + pick(ODD);
            case 7 -> repeat(pick("a", "é", "Lạng Sơn ", "\u0301", "%", " ", "字", "😀", "\\u0000", ","), between(1, 2000));
            case 8 -> chance(0.02) ? repeat("x", between(100_000, 1_100_000)) : repeat(pick("a", "ạ", "-", "9"), between(200, 5000));
            default -> pick(NAMES).substring(0, 1 + random.nextInt(3)) + pick(ODD) + pick(CODES);
        };
        return s.length() > maxLength ? s.substring(0, maxLength) : s;
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    // ---- JSON values ----

    /** Any JSON value: the wrong type for most fields. */
    Object value() {
        return switch (random.nextInt(14)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> pick(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L);
            case 3 -> pick(1.5, -0.0, 1e308, 4.9e-324);
            case 4 -> new BigInteger("9".repeat(between(20, 400)));
            case 5 -> new Raw(pick("1e99999", "-1e-99999", "01", ".5", "1.", "+1", "0x10", "NaN", "Infinity", "-Infinity", "tru",
                    "nul", "\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"", "'single'", "undefined", "1" + "0".repeat(5000)));
            case 6 -> new ArrayList<>();
            case 7 -> new ArrayList<>(java.util.Arrays.asList(text(100), value()));
            case 8 -> new LinkedHashMap<>();
            case 9 -> new LinkedHashMap<>(Map.of(pick("a", "name", "code", "\u0000", ""), text(50)));
            case 10 -> new Raw(nested(between(10, 3000)));
            case 11 -> repeatList(text(20), between(150, 400));
            default -> text(5000);
        };
    }

    private List<Object> repeatList(Object item, int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item);
        }
        return out;
    }

    /** Arrays or objects nested {@code depth} deep. */
    String nested(int depth) {
        boolean arrays = random.nextBoolean();
        return arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    // ---- exchanges ----

    /** A valid exchange in the shape of POST, dated in 1903 so that it meets no other test's data. */
    Map<String, Object> exchange() {
        Map<String, Object> e = new LinkedHashMap<>();
        if (chance(0.5)) {
            e.put("key", "fuzz-" + Long.toHexString(random.nextLong()));
        }
        String date = String.format("1903-%02d-%02d", between(1, 12), between(1, 28));
        e.put("date", date);
        e.put("format", pick("in_person", "hybrid"));
        e.put("kind", pick("talks", "meeting", "courtesy_call", "workshop", "signing", "other"));
        e.put("venue", pick("Nam Ninh", "Hanoi", "Lang Son", "Guangxi"));
        List<Object> participants = new ArrayList<>();
        participants.add(obj("name", "Nguyen Quoc Doan", "side", "VN", "titles", "Bí thư Tỉnh ủy Lạng Sơn",
                "locality", "Lang Son province"));
        Map<String, Object> cn = obj("name", pick("Lưu Ninh", "Chen Gang", "Wang Huning"), "side", "CN",
                "titles", "Secretary");
        if (chance(0.5)) {
            cn.put("locality", obj("name", "Quảng Tây", "country", "CN"));
        }
        participants.add(cn);
        e.put("participants", participants);
        e.put("localities", new ArrayList<>(List.of(obj("name", "Cao Bang", "role", "mentioned"))));
        e.put("themes", new ArrayList<>(List.of("trade-investment", "border-management")));
        e.put("sources", new ArrayList<>(List.of(obj("url", "https://example.org/fuzz/" + random.nextInt(1 << 20),
                "outlet", "example.org", "published", date, "language", "en"))));
        if (chance(0.3)) {
            e.put("notes", "fuzz");
        }
        return e;
    }

    /** An object with its fields in the order given (Map.of's order changes from one JVM to the next: a seed would not replay). */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static final List<String> EXCHANGE_FIELDS = List.of("key", "date", "end_date", "date_precision", "format", "kind", "venue",
            "level", "status", "notes", "version", "participants", "localities", "themes", "sources", "id", "created_at",
            "updated_at", "evidence", "confidence", "bogus", "Date", "date ", "");

    /** One to three mutations at random places: a field dropped, replaced by junk or another type, an unknown field added. */
    Object mutate(Map<String, Object> exchange) {
        Object root = exchange;
        int n = between(1, 3);
        for (int i = 0; i < n; i++) {
            List<List<Object>> paths = new ArrayList<>();
            paths(root, new ArrayList<>(), paths);
            List<Object> path = pick(paths);
            if (path.isEmpty()) {
                root = chance(0.5) ? value() : new ArrayList<>(java.util.Collections.singletonList(root));
                continue;
            }
            Object parent = at(root, path.subList(0, path.size() - 1));
            Object last = path.get(path.size() - 1);
            switch (random.nextInt(5)) {
                case 0 -> remove(parent, last);
                case 1 -> set(parent, last, value());
                case 2 -> set(parent, last, text(5000));
                case 3 -> {
                    if (parent instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> map = (Map<String, Object>) m;
                        map.put(pick(EXCHANGE_FIELDS), chance(0.5) ? text(200) : value());
                    } else {
                        set(parent, last, value());
                    }
                }
                default -> set(parent, last, chance(0.5) ? pick(CODES) : pick(NAMES));
            }
        }
        return root;
    }

    private static void paths(Object node, List<Object> at, List<List<Object>> out) {
        out.add(List.copyOf(at));
        if (node instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                at.add(k);
                paths(m.get(k), at, out);
                at.remove(at.size() - 1);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                at.add(i);
                paths(l.get(i), at, out);
                at.remove(at.size() - 1);
            }
        }
    }

    private static Object at(Object root, List<Object> path) {
        Object node = root;
        for (Object p : path) {
            node = node instanceof Map<?, ?> m ? m.get(p) : ((List<?>) node).get((Integer) p);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object parent, Object key, Object value) {
        if (parent instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(key, value);
        } else if (parent instanceof List<?> l) {
            try {
                ((List<Object>) l).set((Integer) key, value);
            } catch (UnsupportedOperationException e) {
                // an immutable list from value(): leave it
            }
        }
    }

    private static void remove(Object parent, Object key) {
        if (parent instanceof Map<?, ?> m) {
            m.remove(key);
        } else if (parent instanceof List<?> l) {
            try {
                l.remove((int) (Integer) key);
            } catch (UnsupportedOperationException e) {
                // an immutable list from value(): leave it
            }
        }
    }

    /**
     * An exchange as a body: valid as it is (one in seven), valid but damaged as text (one in seven:
     * the parser alone must refuse it), or mutated, and then sometimes damaged too.
     */
    byte[] exchangeBody() {
        return switch (random.nextInt(7)) {
            case 0 -> json(exchange());
            case 1 -> damage(json(exchange()), 1);
            default -> damage(json(mutate(exchange())), 0.2);
        };
    }

    private boolean malformed;

    /**
     * Whether the body generated since the last call is not one well-formed JSON text (of an import:
     * some line), which no write may accept; and forgets it.
     */
    boolean takeMalformed() {
        boolean m = malformed;
        malformed = false;
        return m;
    }

    /** Text-level damage, for one body in five: what a JSON library would never write. */
    byte[] damage(byte[] json) {
        return damage(json, 0.2);
    }

    /** Text-level damage, with that probability: cut short, something after the object, a field twice, not UTF-8, … */
    byte[] damage(byte[] json, double probability) {
        if (!chance(probability)) {
            return json;
        }
        String s = new String(json, StandardCharsets.UTF_8);
        int kind = random.nextInt(9);
        byte[] damaged = switch (kind) {
            case 0 -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
            case 1 -> (s + pick(" x", "{}", "]", " {}", "\u0000", ",", " null")).getBytes(StandardCharsets.UTF_8);
            case 2 -> s.substring(0, random.nextInt(Math.max(1, s.length()))).getBytes(StandardCharsets.UTF_8);
            case 3 -> duplicateFirstField(s).getBytes(StandardCharsets.UTF_8);
            case 4 -> withBytes(json, pick(new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xC3, 0x28 },
                    new byte[] { (byte) 0xC0, (byte) 0x80 }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                    new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xC3 }));
            case 5 -> s.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
            case 6 -> s.replaceFirst(":", "").getBytes(StandardCharsets.UTF_8);
            case 7 -> s.replace("}", ",}").getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        };
        // a BOM is allowed (RFC 8259 lets a parser ignore it); a change that found nothing to change is no damage
        malformed |= kind != 0 && !java.util.Arrays.equals(damaged, json);
        return damaged;
    }

    /** The object's first field given a second time: {"date": …} becomes {"date": "2024-05-06", "date": …}. */
    private static String duplicateFirstField(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\{\"([^\"\\\\]*)\"").matcher(json);
        return m.find() ? "{\"" + m.group(1) + "\": \"2024-05-06\", " + json.substring(1) : json;
    }

    /** {@code bytes} inside the first string value of the JSON: a string that is not UTF-8. */
    private static byte[] withBytes(byte[] json, byte[] bytes) {
        int quote = -1;
        for (int i = 0, quotes = 0; i < json.length; i++) {
            if (json[i] == '"' && ++quotes == 4) { // the opening quote of the first value: {"a": "|
                quote = i;
                break;
            }
        }
        if (quote < 0) {
            quote = json.length / 2;
        }
        byte[] out = new byte[json.length + bytes.length];
        System.arraycopy(json, 0, out, 0, quote + 1);
        System.arraycopy(bytes, 0, out, quote + 1, bytes.length);
        System.arraycopy(json, quote + 1, out, quote + 1 + bytes.length, json.length - quote - 1);
        return out;
    }

    /** A merge patch: a few fields of the record (or read-only ones) with junk, another type or a near-valid value. */
    byte[] patch() {
        if (chance(0.1)) {
            return json(value());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = between(1, 3); i > 0; i--) {
            String name = pick(EXCHANGE_FIELDS);
            p.put(name, switch (random.nextInt(4)) {
                case 0 -> value();
                case 1 -> text(3000);
                case 2 -> chance(0.5) ? pick(CODES) : pick(NAMES);
                default -> exchange().get(name); // a valid value of that field, or null (a merge patch's "remove")
            });
        }
        return damage(json(p));
    }

    /** An NDJSON import: a few lines, each a mutated exchange or a junk line; sometimes a BOM, CRLF, blank lines. */
    byte[] ndjson() {
        String eol = chance(0.2) ? "\r\n" : "\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (chance(0.1)) {
            out.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
        }
        boolean anyMalformed = takeMalformed();
        for (int i = between(1, 4); i > 0; i--) {
            byte[] line = chance(0.8) ? exchangeBody() : json(value());
            for (int j = 0; j < line.length; j++) {
                if (line[j] == '\n' || line[j] == '\r') {
                    line[j] = ' ';
                }
            }
            // a line damaged down to nothing is a blank line, which NDJSON allows
            anyMalformed |= takeMalformed() && !new String(line, StandardCharsets.UTF_8).isBlank();
            out.writeBytes(line);
            out.writeBytes((chance(0.1) ? eol + eol : eol).getBytes(StandardCharsets.US_ASCII));
        }
        malformed = anyMalformed;
        return out.toByteArray();
    }

    private static final List<String> WORDS = List.of("Nguyen Xuan Thang", "Wang Huning", "met", "held talks with", "in", "Beijing",
            "Hanoi", "on", "May 5", "ngày 5/5/2024", "yesterday", "hôm qua", "Lạng Sơn", "Guangxi", "Quảng Tây", "delegation",
            "led by", ".", ",", "\n", "tháng 13", "32/13/2024", "year -5000", "Related news", "Tin liên quan", "(", ")", "Secretary",
            "Bí thư", "hội đàm", "hội kiến", "2024", "1900", "+10000", "Mr.", "Trần Cương", "Hà Nam", "Hồ Chí Minh");

    /** An article for extract or store: fields valid, junk, of another type or missing. */
    byte[] article() {
        Map<String, Object> a = new LinkedHashMap<>();
        put(a, "url", 0.7, () -> chance(0.7) ? "https://example.org/fuzz-article/" + random.nextInt(1 << 20) : text(300));
        put(a, "outlet", 0.4, () -> chance(0.7) ? "example.org" : text(300));
        put(a, "published", 0.6, () -> pick(DATES));
        put(a, "language", 0.5, () -> chance(0.6) ? pick("en", "vi") : text(20));
        put(a, "title", 0.4, () -> text(300));
        put(a, "text", 0.95, () -> {
            if (chance(0.01)) {
                return "a".repeat(200_001); // over the limit: refused before any extraction
            }
            if (chance(0.6)) {
                StringBuilder sb = new StringBuilder();
                for (int i = between(1, 60); i > 0; i--) {
                    sb.append(pick(WORDS)).append(' ');
                }
                return sb.toString();
            }
            return text(2000);
        });
        if (chance(0.15)) {
            a.put(pick("bogus", "exchanges", "date", ""), value());
        }
        if (chance(0.15)) {
            a.put(pick(List.copyOf(a.keySet().isEmpty() ? List.of("text") : a.keySet())), value());
        }
        return damage(json(a));
    }

    private void put(Map<String, Object> m, String key, double p, java.util.function.Supplier<Object> value) {
        if (chance(p)) {
            m.put(key, value.get());
        }
    }

    // ---- query strings and headers ----

    /** Plausible values of each query parameter the API knows, by name. */
    static final Map<String, List<String>> VALUES = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("from", List.of("2020-01-01", "1900-01-01", "9999-12-31", "2024-02-29")),
            Map.entry("to", List.of("2025-12-31", "1900-01-01", "9999-12-31")),
            Map.entry("as_of", List.of("2025-06-30", "2025-07-01", "1900-01-01")),
            Map.entry("level", List.of("central", "locality")),
            Map.entry("format", List.of("in_person", "online", "phone", "hybrid", "json", "csv", "table", "ndjson")),
            Map.entry("kind", List.of("talks", "meeting", "courtesy_call", "workshop", "signing", "other")),
            Map.entry("country", List.of("VN", "CN", "vn")),
            Map.entry("locality", List.of("Hà Nội", "Ha Noi", "VN-HN", "Quảng Tây", "Guangxi", "Hà Nam", "Dongxing", "Mong Cai",
                    "Lang Son province")),
            Map.entry("role", List.of("participant", "venue", "mentioned")),
            Map.entry("theme", List.of("tourism", "trade-investment", "border-management")),
            Map.entry("domain", List.of("economy", "security", "politics", "society")),
            Map.entry("person", List.of("Wang Huning", "Vương Hộ Ninh", "Nguyen Xuan Thang", "Chen Gang")),
            Map.entry("q", List.of("lang son", "guangxi party", "trade", "Lạng Sơn")),
            Map.entry("status", List.of("draft", "verified", "rejected")),
            Map.entry("boundaries", List.of("as-named", "current")),
            Map.entry("granularity", List.of("year", "quarter", "month", "all")),
            Map.entry("top", List.of("1", "5", "1000")),
            Map.entry("side", List.of("VN", "CN")),
            Map.entry("sort", List.of("date", "-date", "created", "-created", "updated", "-updated")),
            Map.entry("limit", List.of("1", "50", "500")),
            Map.entry("offset", List.of("0", "1", "100")))); // sorted: a seed picks the same names in every JVM

    /** Percent-encoded junk that is a valid URI: what a decoder must cope with after the HTTP layer let it through. */
    private static final List<String> ENCODED = List.of("%00", "%FF", "%C3", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%C0%80",
            "%EF%BB%BF", "%E2%80%AE", "%25", "%2525", "%2B", "+", "%20", "%0A", "%0D%0A", "%09", "%2C", "%2C%2C", "%26", "%3D", "%22",
            "%27", "%5C", "%7B%7D", "%E1%BB", "%CC%81");

    /**
     * A query string for an endpoint taking {@code names}: some of its parameters with plausible,
     * listed or junk values, sometimes one it does not take, repeated or empty; at most about 3,000
     * characters (the request line stays under the 4,096 bytes the HTTP layer accepts).
     */
    String query(List<String> names) {
        List<String> parts = new ArrayList<>();
        int n = names.isEmpty() ? 0 : between(0, Math.min(4, names.size()));
        for (int i = 0; i < n; i++) {
            String name = pick(names);
            parts.add(encode(name) + "=" + paramValue(name));
        }
        if (chance(0.1)) {
            String other = pick(List.copyOf(VALUES.keySet()));
            parts.add(encode(chance(0.7) ? other : text(30)) + "=" + paramValue(other));
        }
        if (chance(0.05)) {
            parts.add(pick("", "=", "=x", "a", "limit", "&", "%00=1", "q"));
        }
        String q = String.join("&", parts);
        while (q.length() > 3000) {
            q = q.substring(0, q.lastIndexOf('&') > 0 ? q.lastIndexOf('&') : 3000);
            int escape = q.lastIndexOf('%');
            if (escape > q.length() - 3) {
                q = q.substring(0, escape); // never cut inside a %XX: the HTTP layer refuses a lone '%' itself
            }
        }
        return q;
    }

    private String paramValue(String name) {
        List<String> values = VALUES.getOrDefault(name, List.of("x"));
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> encode(pick(values));
            case 3 -> encode(pick(values)) + (chance(0.5) ? "," : "%2C") + encode(pick(values));
            case 4 -> pick(ENCODED) + (chance(0.5) ? encode(pick(values)) : "");
            case 5 -> "";
            default -> encode(text(600));
        };
    }

    /** UTF-8 percent-encoding of everything but the unreserved characters; a lone surrogate as the bytes of its code unit. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append(c);
                continue;
            }
            String unit = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    ? s.substring(i, ++i + 1) : String.valueOf(c);
            byte[] bytes = Character.isSurrogate(unit.charAt(0)) && unit.length() == 1
                    ? new byte[] { (byte) (0xE0 | c >> 12), (byte) (0x80 | c >> 6 & 0x3F), (byte) (0x80 | c & 0x3F) }
                    : unit.getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    /** A path segment for {id} or {code}: a real one, a random UUID, or junk (encoded). */
    String segment(String parameter, List<String> real) {
        if (!real.isEmpty() && chance(0.4)) {
            return pick(real);
        }
        if (parameter.equals("id") && chance(0.4)) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return chance(0.5) ? encode(pick(CODES)) : encode(text(200));
    }

    private static final List<String> ACCEPT = List.of("*/*", "application/json", "text/csv", "text/plain", "text/*", "application/*",
            "", ";", ",", ";;", ";q=0", "*/*;q=abc", "*/*;q=-1", "*/*;q=NaN", "*/*;q=1e309", "image/png", "application/json;q=0",
            "text/csv;q=0, */*;q=0", "text/csv, text/plain;q=2", "application/problem+json", "application/x-ndjson", "a/b/c", "/",
            "x", "*", "text/plain; charset=\"", "application/json; charset=ebcdic", "*/*, ;, ,,", "q=1", "Ω/ö");
    private static final List<String> ENCODINGS = List.of("gzip", "", ";", ";;", " ; ", ",;,", "gzip;q=x", "gzip;q=0", "x-gzip;q=1e9",
            "*;q=0", "identity;q=0, *;q=0", "br", "gzip, deflate, br", "*;q=0.5;q=", "GZIP;Q=1", "deflate;q=", "gzip;q=NaN");
    private static final List<String> TAGS = List.of("*", "\"\"", "\"", "W/", "W/\"0\"", "\"0\"", "\"v1-gz\"", "junk",
            "\"v99999999999999999999-0\"", ",", "\"a\", \"b\"", "*, \"x\"", "\"-1\"", "\"2147483648\"", "Ω");

    /** Headers a read may carry: Accept, Accept-Encoding, If-None-Match and others with junk or valid values. */
    Map<String, String> readHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        if (chance(0.5)) {
            h.put("Accept", pick(ACCEPT));
        }
        if (chance(0.4)) {
            h.put("Accept-Encoding", pick(ENCODINGS));
        }
        if (chance(0.2)) {
            h.put("If-None-Match", pick(TAGS));
        }
        if (chance(0.1)) {
            h.put(pick("Accept-Language", "Accept-Charset", "Range", "If-Modified-Since", "Cookie", "X-Forwarded-For", "Forwarded"),
                    pick("", ";", "*", "bytes=0-1", "bytes=-1", "Ω", "en;q=x", "for=\"[::1", "a".repeat(between(1, 3000))));
        }
        if (chance(0.1)) {
            h.put("Origin", "https://dashboard.example"); // the one origin the tests' CORS setting allows
        }
        return h;
    }

    private static final List<String> CONTENT_TYPES = List.of("application/json; charset=UTF-8", "text/plain", "", ";",
            "application/merge-patch+json", "application/x-ndjson", "application/xml", "*/*", "application/*",
            "application/json; charset=latin1", "application/json; charset=utf-16", "application/json; charset=\"", "a/b/c",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "APPLICATION/JSON", "application/octet-stream");

    /** The headers of a write: usually the right Content-Type, sometimes another or junk; Accept and If-Match junk. */
    Map<String, String> writeHeaders(String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", chance(0.85) ? contentType : pick(CONTENT_TYPES));
        if (chance(0.2)) {
            h.put("If-Match", pick(TAGS));
        }
        if (chance(0.15)) {
            h.put("Accept", pick(ACCEPT));
        }
        if (chance(0.1)) {
            h.put("Accept-Encoding", pick(ENCODINGS));
        }
        return h;
    }

    // ---- JSON writing ----

    /**
     * JSON text of maps, lists, strings, numbers, booleans, null and {@link Raw}: strings with
     * their non-ASCII characters sometimes as UTF-8, sometimes escaped, a lone surrogate always
     * escaped (it has no UTF-8), NUL and other control characters escaped as JSON requires.
     */
    byte[] json(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, chance(0.3));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object v, StringBuilder sb, boolean escapeAll) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Raw r) {
            sb.append(r.json());
        } else if (v instanceof String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f || escapeAll && c >= 0x80 || Character.isSurrogate(c) && !pair
                        || Character.isLowSurrogate(c)) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else if (pair) {
                    sb.append(c).append(s.charAt(++i));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                write(String.valueOf(e.getKey()), sb, escapeAll);
                sb.append(": ");
                write(e.getValue(), sb, escapeAll);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                write(l.get(i), sb, escapeAll);
            }
            sb.append(']');
        } else {
            sb.append(v); // numbers, booleans
        }
    }
}
