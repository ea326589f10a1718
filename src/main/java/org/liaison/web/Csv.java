package org.liaison.web;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV lines. */
public final class Csv {

    private Csv() {
    }

    public static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
