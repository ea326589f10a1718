package org.liaison.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the field of a JSON body that could not be read, as a path like {@code participants[1].side},
 * and says why in the project's words: Jackson's own messages name Java types
 * ({@code java.lang.String}, the service's classes) and parser features, which mean nothing to a client.
 */
public final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']*)'");
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)");
    private static final Pattern CODE = Pattern.compile("code (\\d+)");
    /** What is left of Jackson's wording must not name a Java type or a parser feature. */
    private static final Pattern JAVA_NAME = Pattern.compile("`[^`]*`|\\b[a-zA-Z]+(\\.[a-zA-Z_$]+)+\\b|\\b\\w*Feature\\w*\\b");

    private JsonErrors() {
    }

    public static FieldError fieldError(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m) : null;
        if (e instanceof UnrecognizedPropertyException u) {
            return FieldError.of(path == null ? u.getPropertyName() : path, null, "unknown field '" + u.getPropertyName() + "'");
        }
        if (path != null) {
            return FieldError.of(path, null, "wrong type or value for this field");
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return FieldError.of("body", null, "more JSON after the end of the object" + where(e.getLocation())
                    + ": a body is one JSON object (an import: one object per line)");
        }
        if (e instanceof MismatchedInputException) {
            return FieldError.of("body", null, "expected a JSON object {…}");
        }
        String msg = original;
        Matcher dup = DUPLICATE.matcher(msg);
        if (dup.find()) {
            return FieldError.of(duplicatePath(e, dup.group(1)), null,
                    "given twice: a field may appear only once in an object (which value was meant is not known)");
        }
        return FieldError.of("body", null, "malformed JSON" + where(e.getLocation()) + ": " + words(msg));
    }

    /** Jackson's reason in the project's words. */
    static String words(String msg) {
        Matcher m;
        if (msg.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete (an object, list or string is not closed)";
        }
        if ((m = UNRECOGNIZED.matcher(msg)).find()) {
            return "unrecognised word '" + shorten(m.group(1)) + "' (text needs double quotes; the literals are true, false and null)";
        }
        if ((m = UNEXPECTED.matcher(msg)).find()) {
            int code = Integer.parseInt(m.group(2));
            if (code == 0xFEFF) {
                return "a byte order mark (U+FEFF) where a value should start; send UTF-8 without a BOM";
            }
            String c = code < 0x20 ? String.format("U+%04X", code) : "'" + m.group(1) + "'";
            if (msg.contains("double-quote to start field name")) {
                return "unexpected character " + c + " where a field name should start (names need double quotes; "
                        + "no comma after the last field)";
            }
            if (msg.contains("expecting comma")) {
                return "unexpected character " + c + " where a comma or the end of the object or list should be";
            }
            if (msg.contains("expecting a colon")) {
                return "unexpected character " + c + " where a colon should follow the field name";
            }
            return "unexpected character " + c;
        }
        if (msg.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (msg.startsWith("Illegal unquoted character")) {
            return "a control character" + code(msg) + " inside a string must be escaped (\\n, \\t, \\u0000 …)";
        }
        if (msg.startsWith("Illegal character")) {
            return "a control character" + code(msg) + " outside a string (only spaces, tabs and line breaks may separate tokens)";
        }
        if (msg.startsWith("Unrecognized character escape")) {
            return "an invalid escape sequence in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        }
        if (msg.startsWith("Invalid UTF-8") || msg.contains("Invalid UTF-8")) {
            return "bytes that are not UTF-8";
        }
        if (msg.startsWith("Unexpected close marker")) {
            return "a closing bracket that does not match the opening one";
        }
        if (msg.startsWith("Leading zeroes") || msg.startsWith("Invalid numeric value") || msg.startsWith("Numeric value")
                || msg.contains("number")) {
            return "an invalid or out-of-range number";
        }
        if (msg.contains("exceeds the maximum")) {
            return "the JSON is nested too deeply or holds a value too long";
        }
        String first = msg.lines().findFirst().orElse("").replaceAll(" at \\[Source.*$", "");
        String cleaned = JAVA_NAME.matcher(first).replaceAll("…").strip();
        return cleaned.isEmpty() ? "unreadable" : cleaned;
    }

    private static String code(String msg) {
        Matcher m = CODE.matcher(msg);
        return m.find() ? String.format(" (U+%04X)", Integer.parseInt(m.group(1))) : "";
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return at.getLineNr() == 1 ? " at column " + at.getColumnNr() : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The path of a field given twice: the parser's context is the object that holds it. */
    private static String duplicatePath(JsonProcessingException e, String name) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return name;
        }
        JsonStreamContext ctx = p.getParsingContext();
        // at the duplicate, the innermost context is the object whose field it is, with the name already current
        StringBuilder sb = new StringBuilder();
        JsonStreamContext c = ctx == null ? null : ctx.getParent();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        while (c != null && !c.inRoot()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
            c = c.getParent();
        }
        parts.forEach(sb::append);
        sb.append('.').append(name);
        return sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
