package org.liaison.article.extract.stage;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Month and weekday words (English, folded Vietnamese) and the dates they make. */
final class CalendarWords {

    static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|thu hai|thu ba|thu tu|thu nam|thu sau|thu bay|chu nhat";
    private static final List<String> MONTH_PREFIXES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private CalendarWords() {
    }

    /** 1–12 for a month word of {@link #MONTHS}. */
    static int month(String name) {
        return MONTH_PREFIXES.indexOf(name.toLowerCase().substring(0, 3)) + 1;
    }

    static DayOfWeek weekday(String w) {
        return switch (w) {
            case "monday", "thu hai" -> DayOfWeek.MONDAY;
            case "tuesday", "thu ba" -> DayOfWeek.TUESDAY;
            case "wednesday", "thu tu" -> DayOfWeek.WEDNESDAY;
            case "thursday", "thu nam" -> DayOfWeek.THURSDAY;
            case "friday", "thu sau" -> DayOfWeek.FRIDAY;
            case "saturday", "thu bay" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    /** The date, or null for a day that does not exist (31/4). */
    static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static LocalDate parseIso(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
