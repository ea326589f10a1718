package org.liaison.article.extract;

import java.time.LocalDate;

/**
 * A lead that tells a trip's span ("paid a working visit to Yunnan from May 20 to 23") before the
 * sentence that tells the first meeting with a day of its own ("On May 21, the delegation held
 * talks ..."): the span is the trip's, the single day the meeting's. Read by the encounter stage
 * (the main exchange's day) and the date coding alike, so that the two agree.
 */
public final class TripSpan {

    private TripSpan() {
    }

    /** The single day the encounter sentence names when the lead before it opens with a span of days; else null. */
    public static DateMention meetingDayMention(ArticleDoc doc, int leadStart, Sentence encounter) {
        DateMention span = null;
        for (DateMention d : doc.datesStartingIn(Math.max(leadStart, doc.publicationLineEnd()), encounter.start())) {
            span = d;
            break;
        }
        if (span == null || span.until() == null) {
            return null;
        }
        for (DateMention d : doc.datesOf(encounter.index())) {
            if (d.start() >= doc.publicationLineEnd() && d.until() == null && !d.monthOnly()
                    && !d.date().isBefore(span.date()) && !d.date().isAfter(span.until())) {
                return d;
            }
        }
        return null;
    }

    public static LocalDate meetingDay(ArticleDoc doc, int leadStart, Sentence encounter) {
        DateMention d = meetingDayMention(doc, leadStart, encounter);
        return d == null ? null : d.date();
    }
}
