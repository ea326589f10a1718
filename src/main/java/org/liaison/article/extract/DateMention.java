package org.liaison.article.extract;

import java.time.LocalDate;

/**
 * A day the text names, resolved to a date: {@code until} is the last day of a range ("13-15/8"),
 * {@code start}/{@code end} its span in the folded text, {@code hasYear} whether the text gave the
 * year (else it was taken from the reference date).
 */
public record DateMention(LocalDate date, LocalDate until, int start, int end, int sentence, boolean hasYear) {
}
