package org.liaison.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codebook's value sets are said once: the enums, and the schema's CHECK constraints agree with them. */
class CodebookTest {

    @Test
    void theSchemaChecksTheSameValues() throws IOException {
        String schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/V1__schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> expected = Map.of("date_precision", Codebook.PRECISIONS, "format", Codebook.FORMATS,
                "kind", Codebook.KINDS, "status", Codebook.STATUSES, "role", Codebook.ROLES, "side", Codebook.SIDES,
                "language", Codebook.LANGUAGES);
        expected.forEach((column, values) -> {
            Matcher m = Pattern.compile("\\b" + column + "\\b[^\\n]*check \\(" + column + " in \\(([^)]*)\\)\\)").matcher(schema);
            assertTrue(m.find(), "a check on " + column);
            do {
                List<String> checked = Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
                assertEquals(values, checked, column);
            } while (m.find());
        });
        assertEquals(List.of("central", "locality"), Codebook.LEVELS);
        assertEquals(List.of("in_person", "online", "phone", "hybrid"), Codebook.FORMATS, "JSON spellings unchanged");
        assertEquals("courtesy_call", Codebook.Kind.COURTESY_CALL.code());
    }
}
