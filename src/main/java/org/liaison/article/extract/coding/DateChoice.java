package org.liaison.article.extract.coding;

import java.time.LocalDate;

/** The date coded for an exchange: a day (and the last day of a range), or the month when no day is told. */
record DateChoice(LocalDate date, LocalDate until, String precision) {
}
