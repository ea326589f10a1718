package org.liaison.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV lines, safe to open in a spreadsheet. Text that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is what Excel, LibreOffice and Google Sheets
 * read as a formula (OWASP, "CSV Injection"): a participant named {@code =HYPERLINK(…)} or a note
 * beginning with {@code @SUM(…)} would run in the analyst's spreadsheet. Such a cell is written
 * with a leading {@code '}, which spreadsheets take as "text" and do not show; the value is
 * otherwise unchanged (NDJSON and JSON stay the lossless formats). Numbers are data, never a
 * formula, and are written as they are, a negative one included.
 */
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
        String s = o instanceof Number ? o.toString() : neutralised(o.toString());
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** The characters a spreadsheet reads as the start of a formula (OWASP's list). */
    static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Text a spreadsheet would evaluate, with the {@code '} that makes it text. */
    static String neutralised(String s) {
        return !s.isEmpty() && formulaStart(s.charAt(0)) ? "'" + s : s;
    }
}
