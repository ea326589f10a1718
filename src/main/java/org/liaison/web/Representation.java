package org.liaison.web;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Content negotiation for tabular answers: JSON for dashboards, CSV for spreadsheets, and an
 * aligned plain-text table for a terminal. {@code ?format=} wins over the Accept header.
 */
public enum Representation {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", "text/csv; charset=UTF-8"),
    TABLE("table", "text/plain; charset=UTF-8");

    public static final Set<String> NAMES = Set.of("json", "csv", "table");

    public final String param;
    public final String mediaType;

    Representation(String param, String mediaType) {
        this.param = param;
        this.mediaType = mediaType;
    }

    /** Accept's media types, in the order a wildcard picks them ("text/*" is CSV: a spreadsheet more than a terminal). */
    private static final Map<String, Representation> OFFERS = offers();

    private static Map<String, Representation> offers() {
        Map<String, Representation> m = new LinkedHashMap<>();
        m.put("application/json", JSON);
        m.put("text/csv", CSV);
        m.put("text/plain", TABLE);
        return m;
    }

    public static Representation of(String formatParam, String accept) {
        if (formatParam != null) {
            for (Representation r : values()) {
                if (r.param.equals(formatParam)) {
                    return r;
                }
            }
        }
        Representation best = AcceptHeader.best(accept, OFFERS);
        if (best == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "Accept '" + accept
                    + "' names no type this resource offers: application/json, text/csv, text/plain "
                    + "(or ?format=json|csv|table)");
        }
        return best;
    }

    public String render(List<String> columns, List<Map<String, Object>> rows) {
        return switch (this) {
            case CSV -> csv(columns, rows);
            case TABLE -> table(columns, rows);
            case JSON -> throw new IllegalStateException("JSON is written by Jackson");
        };
    }

    static String csv(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder(Csv.line(columns));
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(row.get(c)));
            sb.append(Csv.line(cells));
        }
        return sb.toString();
    }

    /** Columns padded to their widest cell; numbers aligned right. */
    static String table(List<String> columns, List<Map<String, Object>> rows) {
        int[] width = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            width[i] = columns.get(i).length();
            numeric[i] = !rows.isEmpty();
            for (Map<String, Object> row : rows) {
                Object v = row.get(columns.get(i));
                width[i] = Math.max(width[i], text(v).length());
                numeric[i] &= v == null || v instanceof Number;
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, columns.stream().map(c -> (Object) c).toList(), width, numeric);
        List<Object> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, width, new boolean[width.length]);
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(row.get(c)));
            line(sb, cells, width, numeric);
        }
        sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Object> cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String t = text(cells.get(i));
            String pad = " ".repeat(width[i] - t.length());
            l.append(i == 0 ? "" : "  ").append(right[i] ? pad + t : t + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** A table line holds one record: a line break inside a cell (a merged note) becomes a space. */
    private static String text(Object v) {
        return v == null ? "" : v.toString().replace("\r\n", " ").replace('\n', ' ');
    }
}
