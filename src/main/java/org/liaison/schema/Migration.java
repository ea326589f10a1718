package org.liaison.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.liaison.reference.ReferenceDataException;

/**
 * One migration this build carries: its classpath resource, and what Flyway records of it in
 * {@code flyway_schema_history}: the script's file name, its version (none for a repeatable
 * {@code R__} script) and Flyway's checksum of its text.
 */
public record Migration(String resource, String script, String version, int checksum) {

    public boolean repeatable() {
        return version == null;
    }

    /** A packaged migration file, e.g. {@code db/migration/V3__stats_rollups.sql}, read from the classpath. */
    static Migration of(String resource, String where) {
        String script = resource.substring(resource.lastIndexOf('/') + 1);
        String version = null;
        if (script.startsWith("V") && script.contains("__")) {
            version = script.substring(1, script.indexOf("__")).replace('_', '.');
        } else if (!script.startsWith("R__")) {
            throw new ReferenceDataException(where + ": " + script + " is neither a versioned (V<n>__) nor a repeatable (R__) migration");
        }
        if (!script.endsWith(".sql")) {
            throw new ReferenceDataException(where + ": " + script + " is not an .sql file");
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ReferenceDataException(where + ": " + resource + " not found on the classpath");
        }
        return new Migration(resource, script, version, checksum(in, resource));
    }

    /**
     * Flyway's checksum (its ChecksumCalculator): CRC-32 over the UTF-8 bytes of every line without
     * its line break, a byte-order mark before the first line dropped. SchemaVersionCheckTest holds
     * it to the checksums Flyway itself recorded.
     */
    static int checksum(InputStream in, String resource) {
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = r.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            for (; line != null; line = r.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
        return (int) crc.getValue();
    }
}
