package org.liaison.article.extract;

import java.time.DayOfWeek;

/** A weekday the text names ("Thursday", "thứ Năm"), as folded text and span. */
public record WeekdayMention(String word, DayOfWeek day, int start, int end) {
}
