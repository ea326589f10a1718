package org.liaison.article.extract.coding;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.TripSpan;
import org.liaison.article.extract.WeekdayMention;

/**
 * The day of an exchange (codebook: date): the first date told in its focus (for the main
 * exchange also in the next encounter sentences), not the dispatch's dateline; else a weekday,
 * "yesterday" or "today" of the focus sentence against the publication date; else the month of
 * the visit.
 */
final class DateChooser {

    /** "BEIJING, Dec. 30 (Xinhua) --": after the date, a dash. */
    private static final Pattern DISPATCH_DASH = Pattern.compile("(?s)^\\s*(\\([^)]{2,12}\\))?\\s*(-|--|–|—).*");
    /** "BEIJING, ", "HA LONG, Vietnam, ": a place (and its country) and a comma at the start of a line. */
    private static final Pattern DATELINE_PLACE = Pattern.compile("(?s)^[\\p{L} .]{2,25}(?:,[\\p{L} .]{2,25})?,\\s*$");
    private static final Pattern AFTER_WORD_COMMA = Pattern.compile("(?s).*[a-z]+\\s*,\\s*$");
    private static final Pattern AT_LINE_START = Pattern.compile("(?s).*\\n\\s*$");
    /** How far into its line a dispatch's date stands ("BEIJING, Dec. 30"). */
    private static final int DATELINE_REACH = 30;
    /** "The same day": a further exchange on the main exchange's day. */
    private final Pattern sameDay;
    /** "The following day": a further exchange on the day after the main exchange's. */
    private final Pattern nextDay;
    /** A visit's or trip's words: a span beside them is the trip's, not the event's. */
    private final Pattern tripWords;
    /** A lead that sums a visit up at its end: its date is the visit's last day, not the first meeting's. */
    private final Pattern visitSummary;
    /** A lead that says when a visit ended: its date is the visit's last day. */
    private final Pattern visitEnded;

    DateChooser(RuleBook rules) {
        this.sameDay = rules.pattern("date_choice.same_day");
        this.nextDay = rules.pattern("date_choice.next_day");
        this.tripWords = rules.pattern("date_choice.trip");
        this.visitSummary = rules.pattern("encounters.visit_summary");
        this.visitEnded = rules.pattern("encounters.visit_ended");
    }

    DateChoice choose(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] { scope.focusStart(), scope.focusEnd() });
        if (scope instanceof MainScope main) {
            // the encounter's day may be told in the next encounter sentence ("Ngày 12-11, tại tỉnh Ninh Bình, ...")
            main.sentences().stream().filter(c -> c.start() >= main.focusEnd() && c.index() <= main.focusSentence() + 2)
                    .forEach(c -> ranges.add(new int[] { c.start(), c.end() }));
        }
        if (scope instanceof MainScope main && main.focusStart() < doc.sentence(main.focusSentence()).start()) {
            // the lead tells the trip's span ("from May 20 to 23"), the encounter sentence its own day ("On May 21, ... held talks")
            DateMention own = TripSpan.meetingDayMention(doc, main.focusStart(), doc.sentence(main.focusSentence()), visitSummary);
            if (own != null) {
                evidence.add(doc.evidence("date", own.start(), own.end()));
                return new DateChoice(own.date(), null, own.precision(), own.hasYear() ? DateChoice.GIVEN : yearCertainty(doc));
            }
            LocalDate weekday = TripSpan.weekdayWithinEndedVisit(doc, main.focusStart(), doc.sentence(main.focusSentence()), visitEnded);
            if (weekday != null) {
                WeekdayMention w = doc.weekdays().get(main.focusSentence());
                if (w != null) {
                    evidence.add(doc.evidence("date", w.start(), w.end()));
                }
                return day(weekday);
            }
        }
        Sentence focusSentence = doc.sentence(scope.focusSentence());
        for (int daySentence : new int[] { scope.focusSentence(), doc.sentenceAt(scope.focusStart()) }) {
            LocalDate dayOfTheVisit = TripSpan.dayWithinSpan(doc, focusSentence, daySentence, tripWords);
            if (dayOfTheVisit != null) {
                WeekdayMention weekday = doc.weekdays().get(daySentence);
                if (weekday != null) {
                    evidence.add(doc.evidence("date", weekday.start(), weekday.end()));
                }
                return day(dayOfTheVisit);
            }
        }
        // a day before a month: "in March 2019" beside "on March 22" is the context, not the date
        for (int[] r : ranges) {
            if (r != ranges.get(0) && doc.relativeDay(scope.focusSentence()) != null
                    && doc.datesStartingIn(ranges.get(0)[0], ranges.get(0)[1]).stream()
                            .allMatch(d -> d.start() < doc.publicationLineEnd() || dispatchDate(doc, d))) {
                // "held the meeting in Beijing on Tuesday. ... a visit from Nov. 11 to 15": the focus's own weekday first
                break;
            }
            List<DateMention> inRange = doc.datesStartingIn(r[0], r[1]);
            for (boolean monthOnly : new boolean[] { false, true }) {
                for (DateMention d : inRange) {
                    if (d.monthOnly() == monthOnly && d.start() >= doc.publicationLineEnd() && !dispatchDate(doc, d)
                            && !(doc.weekdays().containsKey(d.sentence()) && !d.hasYear() && doc.published() != null
                                    && datelineLike(doc, d))) {
                        DateMention event = spanOfTheDay(doc, d, inRange);
                        LocalDate toldDay = event.until() == null ? null : relativeDayInTheVisit(doc, scope, event);
                        if (toldDay != null) {
                            return day(toldDay); // "agreed yesterday ... during talks ..., on a visit from October 14 to 16"
                        }
                        evidence.add(doc.evidence("date", event.start(), event.end()));
                        return new DateChoice(event.date(), event.until(), event.precision(),
                                event.hasYear() ? DateChoice.GIVEN : yearCertainty(doc));
                    }
                }
            }
        }
        if (scope instanceof ClauseScope clause && sameDay.matcher(doc.text().substring(clause.sentence().start(), clause.focusEnd())).find()
                && !doc.weekdays().containsKey(clause.sentence().index())) {
            // "The same day, Chinh held talks with ...": the main exchange's day ("On Thursday, on the sidelines of the
            // seminar": the weekday's)
            ExtractedExchange main = clause.main();
            return new DateChoice(LocalDate.parse(main.date()), null, main.datePrecision(), 1.0);
        }
        if (scope instanceof ClauseScope clause && nextDay.matcher(doc.text().substring(clause.sentence().start(), clause.focusEnd())).find()) {
            // "The delegation arrived in Beijing on Monday. The following day, ...": the day after the one the sentence before tells
            LocalDate before = clause.sentence().index() == 0 ? null : dayTold(doc, doc.sentence(clause.sentence().index() - 1));
            if (before != null) {
                return day(before.plusDays(1));
            }
            if (clause.main().datePrecision().equals("day")) {
                return day(LocalDate.parse(clause.main().date()).plusDays(1));
            }
        }
        int focus = scope.focusSentence();
        LocalDate published = doc.published();
        WeekdayMention weekday = doc.weekdays().get(focus);
        if (weekday == null && scope instanceof MainScope main && !doc.yesterdaySentences().contains(focus)
                && !doc.todaySentences().contains(focus)) {
            weekday = weekdayOfTheNextEncounterSentences(doc, main); // the focus's own "yesterday" or "today" comes first
        }
        if (weekday != null && published != null) {
            evidence.add(doc.evidence("date", weekday.start(), weekday.end()));
            return day(published.with(TemporalAdjusters.previousOrSame(weekday.day())));
        }
        if (doc.yesterdaySentences().contains(focus) && published != null) {
            return day(published.minusDays(1));
        }
        if (doc.todaySentences().contains(focus)) {
            LocalDate date = datelineDate(doc, focusSentence);
            if (date == null) {
                date = published;
            }
            if (date != null) {
                return day(date);
            }
        }
        if (scope instanceof MainScope) {
            LocalDate date = datelineDate(doc, focusSentence);
            if (date != null) {
                return day(date);
            }
        }
        // No day for this encounter: the month of the visit (codebook: "during the trip").
        LocalDate base = scope instanceof ClauseScope clause ? LocalDate.parse(clause.main().date()) : published;
        double certainty = DateChoice.GIVEN;
        if (base == null && !doc.dates().isEmpty()) {
            base = doc.dates().get(0).date();
            certainty = doc.dates().get(0).hasYear() ? DateChoice.GIVEN : yearCertainty(doc);
        }
        if (base == null) {
            base = doc.today();
            certainty = DateChoice.GUESSED;
        }
        return new DateChoice(base.withDayOfMonth(1), null, "month", certainty);
    }

    /**
     * "... met in Lang Son city last week. The annual meeting ..., held on Thursday, was co-chaired by ...": the weekday of
     * the next two encounter sentences of the main exchange, when the focus has none (nor any date); null if none has one.
     */
    private static WeekdayMention weekdayOfTheNextEncounterSentences(ArticleDoc doc, MainScope main) {
        for (Sentence c : main.sentences()) {
            if (c.index() > main.focusSentence() && c.index() <= main.focusSentence() + 2 && doc.weekdays().containsKey(c.index())) {
                return doc.weekdays().get(c.index());
            }
        }
        return null;
    }

    /**
     * "Chiều 14/6, diễn đàn ... đã bế mạc sau ba ngày làm việc, từ ngày 12 đến 14/6": the day told is the first or last of
     * an event's span in the same sentence, which is the exchange's date and end date (codebook: a multi-day event). Not a
     * visit's span ("trong chuyến thăm từ ngày 20 đến 23/5"): a meeting on its first day is that day's.
     */
    private DateMention spanOfTheDay(ArticleDoc doc, DateMention day, List<DateMention> inRange) {
        if (day.until() != null || tripWords.matcher(doc.sentence(day.sentence()).folded()).find()) {
            return day;
        }
        for (DateMention span : inRange) {
            if (span.until() != null && span.sentence() == day.sentence() && (span.date().equals(day.date()) || span.until().equals(day.date()))) {
                return span;
            }
        }
        return day;
    }

    /**
     * A visit's span chosen as the date: the weekday or "yesterday" a sentence from the focus's start to the span's tells
     * inside that span is the meeting's day; null when none does or the span is not a visit's.
     */
    private LocalDate relativeDayInTheVisit(ArticleDoc doc, Scope scope, DateMention span) {
        if (!tripWords.matcher(doc.sentence(span.sentence()).folded()).find()) {
            return null;
        }
        for (int i = Math.min(doc.sentenceAt(scope.focusStart()), span.sentence()); i <= span.sentence(); i++) {
            LocalDate day = doc.relativeDay(i);
            if (day != null && !day.isBefore(span.date()) && !day.isAfter(span.until())) {
                return day;
            }
        }
        return null;
    }

    /** The one day a sentence tells, by a date or a weekday (resolved against the publication date); else null. */
    private static LocalDate dayTold(ArticleDoc doc, Sentence s) {
        List<DateMention> dates = doc.datesOf(s.index()).stream().filter(d -> d.start() >= doc.publicationLineEnd()).toList();
        if (dates.size() == 1 && dates.get(0).until() == null && !dates.get(0).monthOnly()) {
            return dates.get(0).date();
        }
        WeekdayMention weekday = doc.weekdays().get(s.index());
        if (dates.isEmpty() && weekday != null && doc.published() != null) {
            return doc.published().with(TemporalAdjusters.previousOrSame(weekday.day()));
        }
        return null;
    }

    /** How well a year the text does not give beside the day is supported (see {@link DateChoice}). */
    private static double yearCertainty(ArticleDoc doc) {
        return doc.published() != null ? DateChoice.GIVEN : doc.yearFromToday() ? DateChoice.GUESSED : DateChoice.FROM_TEXT;
    }

    private static DateChoice day(LocalDate date) {
        return new DateChoice(date, null, "day");
    }

    /** "BEIJING, Dec. 30 (Xinhua) --": the date of the dispatch, not of the encounter. */
    private static boolean dispatchDate(ArticleDoc doc, DateMention d) {
        String text = doc.text();
        return datelineLike(doc, d) && DISPATCH_DASH.matcher(text.substring(d.end(), Math.min(text.length(), d.end() + 14))).matches();
    }

    /** A date right after a place and a comma at the start of a line (at most {@value #DATELINE_REACH} characters into it). */
    private static boolean datelineLike(ArticleDoc doc, DateMention d) {
        String text = doc.text();
        // the line's start, looked for only as far back as it may be; further back, any earlier offset says the same
        int floor = Math.max(0, d.start() - DATELINE_REACH - 1);
        int newline = floor - 1;
        for (int k = d.start(); k >= floor; k--) {
            if (text.charAt(k) == '\n') {
                newline = k;
                break;
            }
        }
        int lineStart = Math.max(newline + 1, doc.publicationLineEnd());
        if (lineStart > d.start()) {
            return false; // the publication line's own date
        }
        String before = text.substring(Math.max(lineStart, d.start() - DATELINE_REACH), d.start());
        return d.start() - lineStart <= DATELINE_REACH && DATELINE_PLACE.matcher(before).matches();
    }

    /** The dateline's date of the sentence or the one before: the day of an encounter told as "today" or "here". */
    private static LocalDate datelineDate(ArticleDoc doc, Sentence s) {
        int from = s.index() > 0 ? doc.sentence(s.index() - 1).start() : s.start();
        for (DateMention d : doc.datesStartingIn(from, s.end())) {
            if (d.sentence() == s.index() || d.sentence() == s.index() - 1) {
                String before = doc.text().substring(Math.max(0, d.start() - 30), d.start());
                if (AFTER_WORD_COMMA.matcher(before).matches() || AT_LINE_START.matcher(before).matches()) {
                    return d.date();
                }
            }
        }
        return null;
    }
}
