package org.liaison.article.extract;

import java.time.LocalDate;

/**
 * A day the text names, resolved to a date: {@code until} is the last day of a range ("13-15/8"),
 * {@code start}/{@code end} its span in the folded text, {@code hasYear} whether the text gave the
 * year (else it was taken from the reference date), {@code precision} {@code day} or {@code month}.
 */
public record DateMention(LocalDate date, LocalDate until, int start, int end, int sentence, boolean hasYear, String precision) {

    /** A day ("13/8", "September 28"). */
    public DateMention(LocalDate date, LocalDate until, int start, int end, int sentence, boolean hasYear) {
        this(date, until, start, end, sentence, hasYear, "day");
    }

    /** "in March 2019", "tháng 11 năm ngoái": a month only, dated its 1st (codebook: date_precision). */
    public boolean monthOnly() {
        return "month".equals(precision);
    }
}
