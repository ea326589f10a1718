package org.liaison.exchange;

import org.liaison.web.Params;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates a record may hold: an exchange's {@code date} and {@code end_date}, a source's
 * {@code published}. From 1900-01-01 (no report in scope is older, and it keeps typos such as
 * year 0 or -1 out of the analytics' periods) to today plus one day of slack for time zones (a
 * meeting announced but not yet held is not an exchange). Query parameters start at the same date (Params.EARLIEST) but may reach past today.
 */
public record DateRange(LocalDate earliest, int slackDays) {

    public static final DateRange STORED = new DateRange(Params.EARLIEST, 1);

    /** The latest date accepted now (UTC today plus the slack). */
    public LocalDate latest() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(slackDays);
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(earliest) && !d.isAfter(latest());
    }

    /** "between 1900-01-01 and 2026-12-02 (today + 1 day)": for error reasons. */
    public String describe() {
        return "between " + earliest + " and " + latest() + " (today + " + slackDays + " day" + (slackDays == 1 ? "" : "s") + ")";
    }
}
