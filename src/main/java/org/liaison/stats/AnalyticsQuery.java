package org.liaison.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of {@code analytics-sql/}, as the service runs it: the file's SQL with its psql
 * meta-commands (lines starting with a backslash) skipped and each psql variable
 * {@code :'name'} bound as a text parameter. Nothing else of the file is changed, so the SQL a
 * user runs with psql is the SQL behind the endpoint.
 */
public final class AnalyticsQuery {

    private static final Pattern VARIABLE = Pattern.compile(":'([a-z_]+)'");

    private final String name;
    private final String sql;
    private final List<String> parameters;

    private AnalyticsQuery(String name, String sql, List<String> parameters) {
        this.name = name;
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * Reads {@code analytics-sql/<name>.sql} from the classpath. {@code numbered}: each variable
     * becomes {@code $n}, the same n wherever it recurs (the reactive client); otherwise every
     * occurrence is a {@code ?} of its own (JDBC).
     */
    public static AnalyticsQuery load(String name, boolean numbered) {
        String resource = "analytics-sql/" + name + ".sql";
        String text;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.stripLeading().startsWith("\\")) {
                body.append(line).append('\n');
            }
        }
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = numbered ? names.indexOf(m.group(1)) : -1;
            if (index < 0) {
                names.add(m.group(1));
                index = names.size() - 1;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(numbered ? "$" + (index + 1) : "?"));
        }
        m.appendTail(out);
        String sql = out.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        return new AnalyticsQuery(name, sql, List.copyOf(names));
    }

    /** For the reactive client: {@code $1, $2, ...}. */
    public static AnalyticsQuery load(String name) {
        return load(name, true);
    }

    public String name() {
        return name;
    }

    public String sql() {
        return sql;
    }

    public List<String> parameters() {
        return parameters;
    }

    /** The values in parameter order; a parameter not given is '' (psql's "no filter"). */
    public List<Object> bind(Map<String, String> values) {
        List<Object> out = new ArrayList<>();
        for (String p : parameters) {
            out.add(values.getOrDefault(p, ""));
        }
        return out;
    }
}
