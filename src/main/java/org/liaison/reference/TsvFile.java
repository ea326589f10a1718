package org.liaison.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated reference file from the classpath. Lines starting with '#' and blank
 * lines are comments. Every problem is reported with the file and line number, because
 * these files are edited by analysts and a bad line must stop startup with a clear message.
 */
public final class TsvFile {

    public record Row(String file, int line, String[] cells) {
        public String cell(int i) {
            return i < cells.length ? cells[i].strip() : "";
        }

        public ReferenceDataException error(String message) {
            return new ReferenceDataException(file + ":" + line + ": " + message);
        }
    }

    private TsvFile() {
    }

    public static List<Row> read(String resource, int minColumns, int maxColumns) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ReferenceDataException(resource + ": not found on the classpath");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Row row = new Row(resource, n, cells);
                if (cells.length < minColumns || cells.length > maxColumns) {
                    throw row.error("expected " + minColumns
                            + (maxColumns != minColumns ? " to " + maxColumns : "")
                            + " tab-separated columns, found " + cells.length);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
        if (rows.isEmpty()) {
            throw new ReferenceDataException(resource + ": has no entries");
        }
        return rows;
    }

    /** SHA-256 of the resource's bytes: tells whether a file changed since it was last loaded. */
    public static String checksum(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ReferenceDataException(resource + ": not found on the classpath");
            }
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
