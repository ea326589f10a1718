package org.liaison.article.extract.coding;

import java.time.LocalDate;

/**
 * The date coded for an exchange: a day (and the last day of a range), or the month when no day is told.
 * {@code yearCertainty}: how well the year is supported, a factor on the exchange's confidence —
 * {@link #GIVEN} the text gives it beside the day or the publication date settles it; {@link #FROM_TEXT}
 * taken from other years the text names (an event name, a caption, an anniversary); {@link #GUESSED}
 * nothing supports it but "today", the current year when the extractor runs.
 */
record DateChoice(LocalDate date, LocalDate until, String precision, double yearCertainty) {

    static final double GIVEN = 1.0;
    static final double FROM_TEXT = 0.8;
    static final double GUESSED = 0.5;

    DateChoice(LocalDate date, LocalDate until, String precision) {
        this(date, until, precision, GIVEN);
    }
}
