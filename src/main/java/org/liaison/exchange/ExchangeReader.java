package org.liaison.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.liaison.web.FieldError;
import org.liaison.web.TextCheck;

/**
 * Reads an exchange's JSON (POST, PUT, a merged PATCH, an import line) field by field, so that
 * every field of the wrong type is named, not only the first one Jackson trips over. A field of
 * the wrong type is read as absent and reported; an unknown field is reported as unknown.
 */
public final class ExchangeReader {

    /** The reason of an unknown field: such a body is unreadable (400) rather than invalid (422). */
    public static final String UNKNOWN = "unknown field";

    /** Output-only fields of a record: set by the service, accepted and ignored in input so that an export re-imports as it is. */
    public static final List<String> OUTPUT_ONLY = List.of("id", "created_at", "updated_at");
    /**
     * Output-only fields of an extracted exchange (POST /api/articles/extract): accepted and ignored,
     * so that an extraction posts as it is. Not read-only fields of a record (PATCH does not check them).
     */
    public static final List<String> EXTRACTION_ONLY = List.of("evidence", "confidence");
    private static final Set<String> IGNORED = Set.copyOf(concat(OUTPUT_ONLY, EXTRACTION_ONLY));
    private static final Set<String> TOP = Set.of("key", "date", "end_date", "date_precision", "format", "kind", "venue",
            "level", "status", "notes", "version", "participants", "localities", "themes", "sources");

    private ExchangeReader() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * The field names of a merge patch, checked before it is applied: RFC 7396 removes a field
     * given as null, so {"no_such_field": null} would vanish from the merged record unreported.
     */
    public static void patchNames(JsonNode patch, List<FieldError> errors) {
        texts(patch, "", errors);
        new Fields(patch, "", errors).known(TOP, IGNORED);
    }

    public static ExchangeInput read(JsonNode body, List<FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(FieldError.of("body", body == null ? null : text(body), "an exchange object is required"));
            return null;
        }
        texts(body, "", errors);
        Fields f = new Fields(body, "", errors);
        f.known(TOP, IGNORED);
        Integer version = null;
        JsonNode v = body.get("version");
        if (v != null && !v.isNull()) {
            if (v.canConvertToInt() && v.isIntegralNumber()) {
                version = v.intValue();
            } else {
                errors.add(FieldError.of("version", text(v), "expected an integer"));
            }
        }
        return new ExchangeInput(f.string("key"), f.string("date"), f.string("end_date"), f.string("date_precision"),
                f.string("format"), f.string("kind"), f.node("venue"), f.string("level"), f.string("status"),
                f.string("notes"), version,
                f.list("participants", (p, at) -> {
                    p.known(Set.of("name", "side", "titles", "organisation", "locality"), Set.of());
                    return new ExchangeInput.ParticipantInput(p.string("name"), p.string("side"), p.string("titles"),
                            p.string("organisation"), p.node("locality"));
                }),
                f.list("localities", (l, at) -> {
                    l.known(Set.of("code", "name", "country", "role"), Set.of());
                    return new ExchangeInput.LocalityInput(l.string("code"), l.string("name"), l.string("country"), l.string("role"));
                }),
                f.strings("themes"),
                f.list("sources", (s, at) -> {
                    s.known(Set.of("url", "outlet", "title", "published", "language"), Set.of());
                    return new ExchangeInput.SourceInput(s.string("url"), s.string("outlet"), s.string("title"),
                            s.string("published"), s.string("language"));
                }));
    }

    /**
     * Every string of the body, at any depth, and every field name, checked once as it enters
     * ({@link TextCheck}): a NUL or a lone surrogate is named at its path (422).
     */
    static void texts(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual()) {
            String problem = TextCheck.problem(node.textValue());
            if (problem != null) {
                errors.add(FieldError.of(path.isEmpty() ? "body" : path, node.textValue(), problem));
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = (path.isEmpty() ? "" : path + ".") + e.getKey();
                String problem = TextCheck.problem(e.getKey());
                if (problem != null) {
                    errors.add(FieldError.of(at, null, "the field's name " + problem));
                }
                texts(e.getValue(), at, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /** A value as a client wrote it: a string's text without quotes, anything else as JSON. */
    public static String text(JsonNode node) {
        return node == null ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    /** The fields of one JSON object, at a path such as {@code participants[1].}. */
    private record Fields(JsonNode object, String prefix, List<FieldError> errors) {

        void known(Set<String> names, Set<String> ignored) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                String name = it.next().getKey();
                if (!names.contains(name) && !ignored.contains(name)) {
                    errors.add(FieldError.of(prefix + name, null, UNKNOWN + " '" + name + "'"));
                }
            }
        }

        String string(String name) {
            JsonNode n = object.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                errors.add(FieldError.of(prefix + name, text(n), "expected a string, not " + kind(n)));
                return null;
            }
            return n.textValue();
        }

        JsonNode node(String name) {
            JsonNode n = object.get(name);
            return n == null || n.isNull() ? null : n;
        }

        List<String> strings(String name) {
            JsonNode n = array(name);
            if (n == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                if (!item.isTextual()) { // kept as a null so that later items keep their index
                    errors.add(FieldError.of(prefix + name + "[" + i + "]", text(item), "expected a string, not " + kind(item)));
                }
                out.add(item.isTextual() ? item.textValue() : null);
            }
            return out;
        }

        <T> List<T> list(String name, BiFunction<Fields, Integer, T> each) {
            JsonNode n = array(name);
            if (n == null) {
                return null;
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                String at = prefix + name + "[" + i + "]";
                if (item.isObject()) {
                    out.add(each.apply(new Fields(item, at + ".", errors), i));
                } else { // kept as a null so that later items keep their index
                    if (!item.isNull()) {
                        errors.add(FieldError.of(at, text(item), "expected an object, not " + kind(item)));
                    }
                    out.add(null);
                }
            }
            return out;
        }

        private JsonNode array(String name) {
            JsonNode n = object.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isArray()) {
                errors.add(FieldError.of(prefix + name, text(n), "expected a list, not " + kind(n)));
                return null;
            }
            return n;
        }
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
