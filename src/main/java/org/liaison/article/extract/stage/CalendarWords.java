package org.liaison.article.extract.stage;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.liaison.article.extract.RuleBook;

/**
 * Month and weekday words (English, folded Vietnamese; {@code dates.month.N} and {@code dates.weekday.N}
 * of {@code extraction/rules.tsv}) and the dates they make.
 */
final class CalendarWords {

    private final List<Pattern> months = new ArrayList<>();
    private final List<Pattern> weekdays = new ArrayList<>();

    CalendarWords(RuleBook rules) {
        for (int m = 1; m <= 12; m++) {
            months.add(rules.pattern("dates.month." + m));
        }
        for (int d = 1; d <= 7; d++) {
            weekdays.add(rules.pattern("dates.weekday." + d));
        }
    }

    /** 1–12 for a month word of {@code dates.months}. */
    int month(String name) {
        String w = name.toLowerCase();
        for (int m = 0; m < months.size(); m++) {
            if (months.get(m).matcher(w).matches()) {
                return m + 1;
            }
        }
        return 0;
    }

    /** The day of a weekday word of {@code dates.weekdays}. */
    DayOfWeek weekday(String w) {
        for (int d = 0; d < weekdays.size(); d++) {
            if (weekdays.get(d).matcher(w).matches()) {
                return DayOfWeek.of(d + 1);
            }
        }
        return DayOfWeek.SUNDAY;
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
