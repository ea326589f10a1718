package org.liaison.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one definition of the dates the service takes, and the one parser of a date as text.
 *
 * <ul>
 * <li>{@link #STORED}: the dates a record may hold, an exchange's {@code date} and {@code end_date},
 * a source's {@code published}, and an article's {@code published} (extract and store alike):
 * from 1900-01-01 (no report in scope is older, and it keeps typos such as year 0 or -5000 out of
 * the analytics' periods) to today plus one day of slack for time zones (a meeting announced but
 * not yet held is not an exchange).</li>
 * <li>{@link #QUERY}: the dates a query parameter may name ({@code from}, {@code to},
 * {@code as_of}): from the same first day to 9999-12-31, so a filter may reach past today.</li>
 * </ul>
 * Both lie well inside PostgreSQL's date range and Java's, so no date that passes reaches either limit.
 */
public record DateRange(LocalDate earliest, LocalDate fixedLatest, int slackDays) {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static final DateRange STORED = new DateRange(EARLIEST, null, 1);
    public static final DateRange QUERY = new DateRange(EARLIEST, LocalDate.of(9999, 12, 31), 0);

    public static final String FORMAT = "expected a date as YYYY-MM-DD";

    /** The latest date accepted now: the fixed one, or UTC today plus the slack. */
    public LocalDate latest() {
        return fixedLatest != null ? fixedLatest : LocalDate.now(ZoneOffset.UTC).plusDays(slackDays);
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(earliest) && !d.isAfter(latest());
    }

    /** "between 1900-01-01 and 2026-12-02 (today + 1 day)": for error reasons. */
    public String describe() {
        return "between " + earliest + " and " + latest() + (fixedLatest != null ? ""
                : " (today + " + slackDays + " day" + (slackDays == 1 ? "" : "s") + ")");
    }

    /**
     * A date as text (ISO YYYY-MM-DD, surrounding blanks ignored), or null when it is not one.
     * Signed or five-digit years ("-5000-01-01", "+10000-01-01") parse, and are then outside
     * every range: the reason names the range rather than the format.
     */
    public static LocalDate parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Why {@code s} is not a date of this range ({@link #FORMAT}, or "must be between ..."), or
     * null when it is one. A blank {@code s} is no date either: the caller decides whether one is required.
     */
    public String problem(String s) {
        LocalDate d = parse(s);
        if (d == null) {
            return FORMAT;
        }
        return contains(d) ? null : "must be " + describe();
    }
}
