package org.liaison.article.extract;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A lead that tells a trip's span ("paid a working visit to Yunnan from May 20 to 23") before the
 * sentence that tells the first meeting with a day of its own ("On May 21, the delegation held
 * talks ..."): the span is the trip's, the single day the meeting's. Read by the encounter stage
 * (the main exchange's day) and the date coding alike, so that the two agree.
 */
public final class TripSpan {

    private TripSpan() {
    }

    /**
     * The single day the encounter sentence names when the lead before it opens with a span of days, or sums the visit up
     * at its end ("wrapped up a visit on June 14, during which it held talks": {@code summary}); else null.
     */
    public static DateMention meetingDayMention(ArticleDoc doc, int leadStart, Sentence encounter, Pattern summary) {
        DateMention span = null;
        for (DateMention d : doc.datesStartingIn(Math.max(leadStart, doc.publicationLineEnd()), encounter.start())) {
            span = d;
            break;
        }
        boolean summedUp = span != null && summary.matcher(doc.text().substring(leadStart, encounter.start())).find();
        if (span == null || span.until() == null && !summedUp) {
            return null;
        }
        LocalDate last = span.until() != null ? span.until() : span.date();
        for (DateMention d : doc.datesOf(encounter.index())) {
            if (d.start() >= doc.publicationLineEnd() && d.until() == null && !d.monthOnly()
                    && (summedUp || !d.date().isBefore(span.date())) && !d.date().isAfter(last)) {
                return d;
            }
        }
        return null;
    }

    /**
     * "held talks here on Wednesday with X, who is leading a delegation on a working visit to China from Oct. 14 to 19", "Sáng
     * qua ... tiếp đoàn ..., sang thăm và làm việc tại tỉnh từ ngày 20 đến 22/5": a sentence that tells a visit's span, and
     * a weekday, yesterday or today within it told there or in the lead before it ({@code daySentence}): that day is the
     * meeting's; else null.
     */
    public static LocalDate dayWithinSpan(ArticleDoc doc, Sentence s, int daySentence, Pattern tripWords) {
        if (doc.published() == null || !tripWords.matcher(s.folded()).find()) {
            return null;
        }
        LocalDate day = doc.relativeDay(daySentence);
        if (day == null && doc.todaySentences().contains(daySentence)) {
            day = doc.published();
        }
        if (day == null) {
            return null;
        }
        for (DateMention d : doc.datesOf(s.index())) {
            if (d.until() != null && !day.isBefore(d.date()) && !day.isAfter(d.until())) {
                return day;
            }
        }
        return null;
    }

    public static LocalDate meetingDay(ArticleDoc doc, int leadStart, Sentence encounter, Pattern summary) {
        DateMention d = meetingDayMention(doc, leadStart, encounter, summary);
        return d == null ? null : d.date();
    }

    /**
     * "... wrapped up a five-day working visit to China on September 13. ... On Tuesday, Khai held talks with ...": a lead
     * that tells the day a visit ended ({@code ended}) before an encounter sentence that tells its weekday; the weekday's
     * day (on or before the end, within the visit's two weeks) is the meeting's, not the end's. Null otherwise.
     */
    public static LocalDate weekdayWithinEndedVisit(ArticleDoc doc, int leadStart, Sentence encounter, Pattern ended) {
        LocalDate day = doc.relativeDay(encounter.index());
        if (day == null || leadStart >= encounter.start() || !ended.matcher(doc.text().substring(leadStart, encounter.start())).find()) {
            return null;
        }
        for (DateMention d : doc.datesStartingIn(Math.max(leadStart, doc.publicationLineEnd()), encounter.start())) {
            LocalDate end = d.until() != null ? d.until() : d.date();
            return !day.isAfter(end) && end.toEpochDay() - day.toEpochDay() <= 14 ? day : null;
        }
        return null;
    }
}
