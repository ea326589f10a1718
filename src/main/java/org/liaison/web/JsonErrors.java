package org.liaison.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the field of a JSON body that could not be read, as a path like {@code participants[1].side}. */
public final class JsonErrors {

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
        String msg = e.getOriginalMessage();
        return FieldError.of("body", null, "malformed JSON: " + (msg == null ? "unreadable" : msg.lines().findFirst().orElse(msg)));
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
