package org.liaison.article.extract.stage;

import static org.liaison.article.extract.stage.CalendarWords.safeDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Stage;
import org.liaison.article.extract.WeekdayMention;

/**
 * The days the text names, resolved against the reference date: ISO dates, "September 28",
 * "28 September 2023", "ngày 13 tháng 8", "13/8", "5-12", "13-15/8", "từ 13 đến 15/8"; a date
 * without a year is the latest such day on or before the publication date (codebook: date).
 * Also the weekdays and the relative words ("yesterday", "hôm nay") of each sentence.
 * The first pattern to claim a span keeps it.
 *
 * <p>Each shape is one pass over the text; the spans claimed so far are kept by their start, so that a text of
 * thousands of dates costs their number times a logarithm, not its square.
 */
public final class DateFinder implements Stage {

    private final Pattern isoDate;
    private final Pattern enDate;
    private final Pattern enDateDmy;
    private final Pattern viDateWords;
    private final Pattern numDate;
    private final Pattern dayWordBefore;
    private final Pattern weekday;
    private final Pattern relative;
    private final Pattern yesterday;
    private final Pattern monthOnly;
    private final Pattern lastYear;
    private final Pattern yearAfterDay;
    private final Pattern pastMonth;
    /** "held in Hekou in April": a month after a verb of a meeting held, past. */
    private final Pattern eventMonth;
    private final CalendarWords calendar;
    private final TextYears years;

    public DateFinder(RuleBook rules) {
        this.isoDate = rules.pattern("dates.iso");
        this.enDate = rules.pattern("dates.en_month_day");
        this.enDateDmy = rules.pattern("dates.en_day_month");
        this.viDateWords = rules.pattern("dates.vi_words");
        this.numDate = rules.pattern("dates.numeric");
        this.dayWordBefore = rules.pattern("dates.day_word_before");
        this.weekday = rules.pattern("dates.weekday_mention");
        this.relative = rules.pattern("dates.relative");
        this.yesterday = rules.pattern("dates.yesterday");
        this.monthOnly = rules.pattern("dates.month_only");
        this.lastYear = rules.pattern("dates.last_year");
        this.yearAfterDay = rules.pattern("dates.year_after_day");
        this.pastMonth = rules.pattern("dates.past_month");
        this.eventMonth = rules.pattern("dates.event_month");
        this.calendar = new CalendarWords(rules);
        this.years = new TextYears(rules);
    }

    /** The spans claimed by dates so far (start to end; they never overlap), and the first weekday of each sentence. */
    private static final class Claims {
        final TreeMap<Integer, Integer> spans = new TreeMap<>();
        final Map<Integer, String> weekdayOfSentence = new HashMap<>();

        Claims(List<DateMention> dates) {
            dates.forEach(d -> spans.put(d.start(), d.end()));
        }

        /** Whether {@code [start, end)} overlaps a claimed span: only the last one starting before {@code end} can. */
        boolean overlaps(int start, int end) {
            Map.Entry<Integer, Integer> before = spans.lowerEntry(end);
            return before != null && before.getValue() > start;
        }
    }

    @Override
    public void annotate(ArticleDoc doc) {
        String text = doc.text();
        Claims claims = new Claims(doc.dates());
        if (doc.published() == null) {
            // codebook: without a publication date, reason from the years the text gives
            Integer reviewed = years.reviewed(text, doc.today().getYear());
            Integer year = years.latest(text, doc.today().getYear());
            if (reviewed != null) {
                // a year's results are reviewed from its November to the October after (a year-end meeting, or early next year);
                // the plan year the title may name ("hợp tác năm 2025") is not yet the meeting's
                LocalDate ref = LocalDate.of(reviewed + 1, 10, 31);
                doc.setTextReference(ref.isAfter(doc.today()) ? doc.today() : ref);
            } else if (year != null) {
                doc.setTextReference(year == doc.today().getYear() ? doc.today() : LocalDate.of(year, 12, 31));
            }
        }
        Matcher m = isoDate.matcher(text);
        while (m.find()) {
            add(doc, claims, safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), null,
                    m.start(), m.end(), true);
        }
        m = enDate.matcher(text);
        while (m.find()) {
            Integer endDay = m.group(3) == null ? null : Integer.parseInt(m.group(3));
            resolve(doc, claims, calendar.month(m.group(1)), Integer.parseInt(m.group(2)), endDay, year(m.group(4)), m.start(), m.end());
        }
        m = enDateDmy.matcher(text);
        while (m.find()) {
            resolve(doc, claims, calendar.month(m.group(2)), Integer.parseInt(m.group(1)), null, year(m.group(3)), m.start(), m.end());
        }
        m = viDateWords.matcher(text);
        while (m.find()) {
            resolve(doc, claims, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), null, year(m.group(3)), m.start(), m.end());
        }
        m = numDate.matcher(text);
        while (m.find()) {
            if (claims.overlaps(m.start(), m.end())) {
                continue;
            }
            int day = Integer.parseInt(m.group(2));
            int month = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12 || day < 1 || day > 31 || !dayShaped(text, m)) {
                continue;
            }
            // "13-15/8": a range; "4 và 5/11" only when the days follow each other ("3 và 10/11" is two days, the second kept)
            boolean joined = m.group(1) != null && (!m.group().contains("va") || Integer.parseInt(m.group(1)) + 1 == day);
            if (joined) {
                resolve(doc, claims, month, Integer.parseInt(m.group(1)), day, year(m.group(4)), m.start(), m.end());
            } else {
                resolve(doc, claims, month, day, null, year(m.group(4)), m.start(), m.end());
            }
        }
        months(doc, claims, text);
        doc.dates().sort(Comparator.comparingInt(DateMention::start));
        if (doc.published() == null) {
            takeYearsGivenElsewhere(doc);
        }
        m = weekday.matcher(text);
        while (m.find()) {
            doc.weekdays().putIfAbsent(doc.sentenceAt(m.start()),
                    new WeekdayMention(m.group(1), calendar.weekday(m.group(1)), m.start(), m.end()));
        }
        m = relative.matcher(text);
        while (m.find()) {
            int s = doc.sentenceAt(m.start());
            if (yesterday.matcher(m.group(1)).matches()) {
                doc.yesterdaySentences().add(s);
            } else {
                doc.todaySentences().add(s);
            }
        }
    }

    /**
     * "3.2 billion", "won 3-1", "Điều 5.1": a bare d.m or d-m is a number more often than a date; without
     * a year or a range it counts only after a word that announces a day ("ngày", "sáng", "on", "từ").
     * The slash form ("29/11") is a date on its own.
     */
    private boolean dayShaped(String text, Matcher m) {
        if (m.group(1) != null || m.group(4) != null || text.charAt(m.end(2)) == '/') {
            return true;
        }
        return dayWordBefore.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find();
    }

    /**
     * "on September 28" and, in a caption, "September 28, 2023": without a publication date, the same day takes that
     * year (of the first date that gives one for that day; a date taking a year gives none itself).
     */
    private static void takeYearsGivenElsewhere(ArticleDoc doc) {
        List<DateMention> dates = doc.dates();
        Map<Integer, DateMention> firstWithYear = new HashMap<>();
        for (DateMention y : dates) {
            if (y.hasYear()) {
                firstWithYear.putIfAbsent(y.date().getMonthValue() * 100 + y.date().getDayOfMonth(), y);
            }
        }
        for (int i = 0; i < dates.size(); i++) {
            DateMention d = dates.get(i);
            DateMention y = d.hasYear() ? null : firstWithYear.get(d.date().getMonthValue() * 100 + d.date().getDayOfMonth());
            if (y != null) {
                LocalDate until = d.until() == null ? null : d.until().withYear(y.date().getYear());
                dates.set(i, new DateMention(y.date(), until, d.start(), d.end(), d.sentence(), false));
            }
        }
    }

    /**
     * "in March 2019", "in March this year", "vào tháng 3/2023", "tháng 11 năm ngoái": a month without a day, kept
     * at month precision (a recalled exchange may be dated so). A month with no year word is not taken: "in March" is
     * as often a plan as a past month.
     */
    private void months(ArticleDoc doc, Claims claims, String text) {
        Matcher m = monthOnly.matcher(text);
        LocalDate ref = doc.referenceDate();
        while (m.find()) {
            int month = m.group(1) != null ? calendar.month(m.group(1)) : m.group(5) != null ? calendar.month(m.group(5)) : Integer.parseInt(m.group(3));
            String year = m.group(1) != null ? m.group(2) : m.group(4);
            int y;
            boolean given = year != null && Character.isDigit(year.charAt(0));
            if (given) {
                y = Integer.parseInt(year);
            } else if (year == null) {
                // "In September" with no year: the latest such month on or before the reference (codebook: date)
                y = month > ref.getMonthValue() ? ref.getYear() - 1 : ref.getYear();
            } else {
                y = lastYear.matcher(year).matches() ? ref.getYear() - 1 : ref.getYear();
            }
            LocalDate d = month < 1 || month > 12 ? null : LocalDate.of(y, month, 1);
            if (d == null || claims.overlaps(m.start(), m.end())) {
                continue;
            }
            claims.spans.put(m.start(), m.end());
            doc.dates().add(new DateMention(d, null, m.start(), m.end(), doc.sentenceAt(m.start()), given || doc.published() != null, "month"));
        }
        pastMonths(doc, claims, pastMonth.matcher(text), ref, false);
        pastMonths(doc, claims, eventMonth.matcher(text), ref, true);
    }

    /**
     * Months told as past with no year ("hồi tháng 4", "held in Hekou in April"): the latest such month on or before the
     * reference; the mention spans the month words only ({@code named}: group 1 a month word, group 2 a month number).
     */
    private void pastMonths(ArticleDoc doc, Claims claims, Matcher m, LocalDate ref, boolean named) {
        while (m.find()) {
            int group = !named || m.group(1) != null ? 1 : 2;
            int month = named && group == 1 ? calendar.month(m.group(1)) : Integer.parseInt(m.group(group));
            int start = named ? m.start(group) : m.start();
            int end = named ? m.end(group) : m.end();
            if (month < 1 || month > 12 || claims.overlaps(start, end)) {
                continue;
            }
            LocalDate d = LocalDate.of(ref.getYear(), month, 1);
            if (d.isAfter(ref)) {
                d = d.minusYears(1);
            }
            claims.spans.put(start, end);
            doc.dates().add(new DateMention(d, null, start, end, doc.sentenceAt(start), doc.published() != null, "month"));
        }
    }

    private static Integer year(String group) {
        return group == null ? null : Integer.parseInt(group);
    }

    private void resolve(ArticleDoc doc, Claims claims, int month, int day, Integer endDay, Integer year, int start, int end) {
        if (year != null) {
            add(doc, claims, safeDate(year, month, day), endDay == null ? null : safeDate(year, month, endDay), start, end, true);
            return;
        }
        LocalDate ref = doc.referenceDate();
        Matcher yearWord = yearAfterDay.matcher(doc.text()).region(end, Math.min(doc.text().length(), end + 16));
        if (yearWord.lookingAt()) {
            // "on March 12 last year": the year the word says, counted from the reference date
            int y = lastYear.matcher(yearWord.group(1).replace("nam ", "")).matches() ? ref.getYear() - 1 : ref.getYear();
            add(doc, claims, safeDate(y, month, day), endDay == null ? null : safeDate(y, month, endDay), start, end, doc.published() != null);
            return;
        }
        // No year: the latest such day on or before the reference date (codebook: date).
        LocalDate d = safeDate(ref.getYear(), month, day);
        if (d != null && d.isAfter(ref)) {
            d = safeDate(ref.getYear() - 1, month, day);
        }
        if (d == null) {
            return;
        }
        // Without a publication date, a weekday in the same sentence settles the year.
        if (doc.published() == null) {
            String named = claims.weekdayOfSentence.computeIfAbsent(doc.sentenceAt(start), i -> {
                Matcher w = weekday.matcher(doc.sentence(i).folded());
                return w.find() ? w.group(1) : "";
            });
            if (!named.isEmpty()) {
                DayOfWeek dow = calendar.weekday(named);
                for (int back = 0; back < 12 && d != null && d.getDayOfWeek() != dow; back++) {
                    d = safeDate(d.getYear() - 1, month, day);
                }
            }
        }
        LocalDate until = endDay == null || d == null ? null : safeDate(d.getYear(), month, endDay);
        add(doc, claims, d, until, start, end, false);
    }

    private static void add(ArticleDoc doc, Claims claims, LocalDate d, LocalDate until, int start, int end, boolean hasYear) {
        if (d == null || claims.overlaps(start, end)) {
            return;
        }
        claims.spans.put(start, end);
        doc.dates().add(new DateMention(d, until != null && until.isAfter(d) ? until : null, start, end, doc.sentenceAt(start), hasYear));
    }
}
