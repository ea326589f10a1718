package org.liaison.article.extract.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Sentence;

/**
 * Meetings told with a day of their own: another day of the main exchange's visit, or an earlier encounter recalled
 * with its date (codebook: recalled exchanges), as the clause of the sentence that tells it.
 */
final class DatedEncounters {

    /** How far before a later date a future word makes it a plan ("sẽ tổ chức giải bóng chuyền ... vào tháng 3 năm 2025"). */
    private static final int FUTURE_BEFORE_DATE = 80;
    /** How far before a date the visit it dates may be named. */
    private static final int VISIT_REACH = 90;
    /** How far (characters) a recalled encounter's date may lie from its meeting word. */
    private static final int DATE_NEAR_CUE = 120;
    /** How far before a date "since" / "kể từ khi" makes it the start of something. */
    private static final int SINCE_REACH = 100;
    private static final Pattern CLAUSE_END = Pattern.compile("[,;]");
    private final Pattern sinceBefore;
    /** After a dated clause's comma, its hosts or attendees ("..., chaired by its chairman X"): the clause goes on. */
    private final Pattern clauseGoesOn;
    /** "chuyến thăm ... hồi", "state visit to Vietnam in": a visit's words before a date. */
    private final Pattern visitBeforeDate;
    /** "..., Yang said": what follows a dated clause is said now. */
    private final Pattern speech;

    private final CueBook cues;
    private final EncounterWords encounterWords;
    private final ExchangeScreen screen;

    DatedEncounters(CueBook cues, RuleBook rules, EncounterWords encounterWords, ExchangeScreen screen) {
        this.cues = cues;
        this.encounterWords = encounterWords;
        this.screen = screen;
        this.sinceBefore = rules.pattern("encounters.since_before");
        this.clauseGoesOn = rules.pattern("encounters.clause_goes_on");
        this.visitBeforeDate = rules.pattern("encounters.visit_before_date");
        this.speech = rules.pattern("encounters.speech");
    }

    /**
     * Recalled encounters of an article whose own report is no exchange: each with its date and both sides named. The
     * first encounter sentence dated in the days before the article is that report itself (a meeting of one side), not
     * a recall; a photo caption recalling an earlier visit may come first too.
     */
    List<Encounters.Clause> standaloneRecalls(ArticleDoc doc, List<Sentence> events) {
        List<Encounters.Clause> out = new ArrayList<>();
        for (Sentence s : events) {
            if (s == events.get(0) && doc.datesOf(s.index()).stream()
                    .anyMatch(d -> Math.abs(d.date().toEpochDay() - doc.referenceDate().toEpochDay()) <= EncounterWords.VISIT_DAYS)) {
                continue;
            }
            if (screen.announced(s.folded()) || screen.thirdCountryOnly(doc, s) || cues.has("multilateral", s.folded())
                    || cues.has("not_exchange", s.folded()) || screen.businessOnly(doc, s) || screen.preparatoryOnly(doc, s)) {
                continue;
            }
            Encounters.Clause c = datedEncounter(doc, s, null, false);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A meeting told with a day of its own, different from the main exchange's: the clause from
     * the sentence's start to the end of the date's clause. A day of the same visit needs a
     * counterpart named; an earlier encounter needs both sides named (codebook: recalled
     * exchanges), by "the two sides" only when a main exchange gives them. Not a recalled
     * agreement "reached", not a day still to come.
     */
    Encounters.Clause datedEncounter(ArticleDoc doc, Sentence s, LocalDate mainDate, boolean sidesFromContext) {
        String t = doc.text();
        // the dates of one clause share what the clause tells: read once per clause, not once per date
        Map<Integer, ClauseFacts> byEnd = new HashMap<>();
        ClauseEnds ends = new ClauseEnds(t, s.end());
        for (DateMention d : doc.datesOf(s.index())) {
            if (d.start() < doc.publicationLineEnd() || d.date().equals(mainDate) || d.date().isAfter(doc.referenceDate())
                    || sinceBefore.matcher(t.substring(Math.max(s.start(), d.start() - SINCE_REACH), d.start())).find()) {
                continue; // "kể từ khi ... từ ngày 1/7/2025", "since January 2024": when something began, no meeting's day
            }
            if (mainDate != null && d.date().isAfter(mainDate) && cues.has("future", t.substring(Math.max(s.start(), d.start() - FUTURE_BEFORE_DATE), d.start()))) {
                continue; // "thống nhất tổ chức cuộc hội đàm giữa năm tại huyện Hà Khẩu vào tháng 7/2025": a plan, not a recall
            }
            // the meeting word before the date ("tại buổi hội đàm ngày 19/11"), else after it ("On March 22, 2019, ... signed")
            int cueEnd = d.end();
            if (!encounterWords.cue(t.substring(Math.max(s.start(), d.start() - DATE_NEAR_CUE), d.start()))) {
                int to = Math.min(s.end(), d.end() + DATE_NEAR_CUE);
                Matcher after = encounterWords.firstCue(t.substring(d.end(), to));
                if (after == null) {
                    continue;
                }
                cueEnd = d.end() + after.end();
            }
            Encounters.Clause c = clauseOf(doc, s, d, cueEnd, mainDate, sidesFromContext, ends, byEnd);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /**
     * The clause a meeting word ending at {@code cueEnd} gives the date {@code d}, or null when it tells no separate encounter.
     * "Chiều 9/10, ngay sau phiên bế mạc hội thảo, ông X đã hội đàm trực tuyến với ông Y": a clause up to the first meeting word
     * that names no side at all only says when; the next meeting word of the sentence is the encounter's.
     */
    private Encounters.Clause clauseOf(ArticleDoc doc, Sentence s, DateMention d, int firstCueEnd, LocalDate mainDate,
            boolean sidesFromContext, ClauseEnds ends, Map<Integer, ClauseFacts> byEnd) {
        String t = doc.text();
        int cueEnd = firstCueEnd;
        for (int attempt = 0; attempt < 2; attempt++) {
            int clauseEnd = ends.from(cueEnd);
            while (clauseEnd < s.end() && clauseGoesOn.matcher(t).region(clauseEnd + 1, s.end()).lookingAt()) {
                clauseEnd = ends.from(clauseEnd + 1);
            }
            if (clauseEnd < s.end() && tellsNothingElse(doc, s, clauseEnd)) {
                // "..., Vice Governor of Xishuangbanna prefecture, in Jinghong city.": titles and the place, no other meeting
                clauseEnd = s.end();
            }
            int end = clauseEnd;
            ClauseFacts facts = byEnd.computeIfAbsent(end, e -> new ClauseFacts(doc, t.substring(s.start(), e), s.start(), e));
            if (facts.recallNot() && !facts.betweenSidesFrom(d.start())) {
                return null;
            }
            if (facts.present() && mainDate != null) {
                return null; // "at the talks on ...": the main exchange told again
            }
            boolean sameVisit = mainDate != null && Math.abs(d.date().toEpochDay() - mainDate.toEpochDay()) <= EncounterWords.VISIT_DAYS;
            if (!sameVisit && visitDated(doc, s, d, clauseEnd)) {
                return null;
            }
            boolean[] sides = facts.sides();
            boolean byContext = sidesFromContext && facts.twoSides();
            if (sameVisit ? sides[0] || sides[1] || byContext : sides[0] && sides[1] || byContext || namedEvent(t, s.start(), clauseEnd, d, mainDate)) {
                return new Encounters.Clause(s.index(), s.start(), clauseEnd,
                        sameVisit ? Encounters.Link.SAME_VISIT : Encounters.Link.RECALLED);
            }
            Matcher next = sides[0] || sides[1] || clauseEnd >= s.end() ? null : encounterWords.firstCue(t.substring(clauseEnd, s.end()));
            if (next == null) {
                return null;
            }
            cueEnd = clauseEnd + next.end();
        }
        return null;
    }

    /**
     * "nhắc lại chuyến thăm Trung Quốc của Đoàn ... hồi tháng 8/2023", "following Xi Jinping's state visit to Vietnam in
     * December 2023": the date is a visit's, and a visit recalled without a counterpart of the other side named is no
     * exchange (codebook 1).
     */
    private boolean visitDated(ArticleDoc doc, Sentence s, DateMention d, int clauseEnd) {
        Matcher visit = visitBeforeDate.matcher(doc.text()).region(Math.max(s.start(), d.start() - VISIT_REACH), d.start());
        if (!visit.find() || encounterWords.cue(doc.text().substring(visit.end(), d.start()))) {
            return false;
        }
        Matcher met = encounterWords.firstCue(doc.text().substring(d.end(), Math.max(d.end(), clauseEnd)));
        if (met != null && !doc.personsStartingIn(d.end() + met.end(), clauseEnd).isEmpty()) {
            return false; // "during his visit to Guangdong in April 2023, he held talks with Vice Governor Cai Ming": a meeting of it
        }
        boolean cn = false;
        boolean vn = false;
        for (PersonMention p : doc.personsOf(s.index())) {
            if (p.start() < clauseEnd) {
                cn |= p.side().equals("CN");
                vn |= p.side().equals("VN");
            }
        }
        return !(cn && vn);
    }

    /**
     * "Hội thảo lần thứ nhất được tổ chức tại Bắc Kinh vào tháng 11/2023": a recalled meeting named as the event itself
     * is coded without both sides named (codebook 1), but not a month that is the main exchange's own.
     */
    private boolean namedEvent(String t, int from, int to, DateMention d, LocalDate mainDate) {
        if (d.monthOnly() && mainDate != null && d.date().getYear() == mainDate.getYear() && d.date().getMonth() == mainDate.getMonth()) {
            return false;
        }
        return cues.has("named_event", t.substring(from, to));
    }

    /**
     * The rest of the sentence from {@code at} names no other day, meeting, recalled agreement or speaker: the same clause's
     * titles and place.
     */
    private boolean tellsNothingElse(ArticleDoc doc, Sentence s, int at) {
        String rest = doc.text().substring(at, s.end());
        return doc.datesStartingIn(at, s.end()).isEmpty() && !encounterWords.cue(rest) && !cues.has("recall_not", rest)
                && !cues.has("future", rest) && !speech.matcher(rest).find();
    }

    /** Where the clause holding an offset ends: at the next ',' or ';' of the sentence, else at its end; each stretch read once. */
    private static final class ClauseEnds {
        private final String text;
        private final int sentenceEnd;
        private int readFrom = Integer.MAX_VALUE;
        private int found;

        ClauseEnds(String text, int sentenceEnd) {
            this.text = text;
            this.sentenceEnd = sentenceEnd;
        }

        int from(int at) {
            if (at >= readFrom && at <= found) {
                return found; // no break between the last offset read from and the break found after it
            }
            Matcher end = CLAUSE_END.matcher(text).region(at, sentenceEnd);
            readFrom = at;
            found = end.find() ? end.start() : sentenceEnd;
            return found;
        }
    }

    /** What a clause {@code [from, to)} of a sentence tells, each asked only when needed. */
    private final class ClauseFacts {
        private final ArticleDoc doc;
        private final String clause;
        private final int from;
        private final int to;
        private Boolean recallNot;
        private Boolean present;
        private Boolean twoSides;
        private boolean[] sides;

        ClauseFacts(ArticleDoc doc, String clause, int from, int to) {
            this.doc = doc;
            this.clause = clause;
            this.from = from;
            this.to = to;
        }

        boolean recallNot() {
            if (recallNot == null) {
                recallNot = cues.has("recall_not", clause);
            }
            return recallNot;
        }

        boolean present() {
            if (present == null) {
                present = cues.has("present", clause);
            }
            return present;
        }

        boolean twoSides() {
            if (twoSides == null) {
                twoSides = cues.has("two_sides", clause);
            }
            return twoSides;
        }

        boolean[] sides() {
            if (sides == null) {
                sides = encounterWords.sides(doc, from, to);
            }
            return sides;
        }

        /** {@link #betweenSides} of the clause's text from a date on to its end; each date of the clause asks. */
        boolean betweenSidesFrom(int at) {
            if (between == null) {
                between = new AfterDate(doc.text(), at, to);
            }
            return between.betweenSides(at);
        }

        private AfterDate between;
    }

    /**
     * {@link #betweenSides} of the text from an offset of a clause to the clause's end, for the offsets of its dates in
     * turn. A clause of thousands of dates would otherwise be read from each date to its end. A cue's pattern that
     * looks behind cannot be read so (the text before the offset is not the search's); those are searched directly.
     * Otherwise the first match from an offset on is a match right at the offset (read as the start of the text, as
     * the direct search reads it) or the first match further on, the same for every offset before it: searched once
     * from the clause's first date, and again only past the last one found.
     */
    private final class AfterDate {
        private final String text;
        private final String clause;
        private final int base;
        private final int end;
        private final boolean direct;
        private final Map<Pattern, Matcher> matchers = new java.util.IdentityHashMap<>();
        /** Per pattern: {searched from, start found or -1, end found} of the last search further on. */
        private final Map<Pattern, int[]> further = new java.util.IdentityHashMap<>();

        AfterDate(String text, int base, int end) {
            this.text = text;
            this.clause = text.substring(base, end);
            this.base = base;
            this.end = end;
            this.direct = lookBehind(cues.patterns("between")) || lookBehind(cues.patterns("two_sides"));
        }

        private boolean lookBehind(List<Pattern> patterns) {
            return patterns.stream().anyMatch(p -> p.pattern().contains("(?<=") || p.pattern().contains("(?<!"));
        }

        boolean betweenSides(int at) {
            if (direct || at < base) {
                return DatedEncounters.this.betweenSides(text.substring(at, end));
            }
            // the first "between" from the date on (the first pattern's, on a tie), then "the two sides" after it
            int[] first = null;
            for (Pattern p : cues.patterns("between")) {
                int[] m = firstFrom(p, at);
                if (m != null && (first == null || m[0] < first[0])) {
                    first = m;
                }
            }
            if (first == null) {
                return false;
            }
            for (Pattern p : cues.patterns("two_sides")) {
                if (firstFrom(p, first[1]) != null) {
                    return true;
                }
            }
            return false;
        }

        /** {start, end} of the first match of {@code p} in the text from {@code at} to the clause's end, read as a text of its own. */
        private int[] firstFrom(Pattern p, int at) {
            Matcher m = matchers.computeIfAbsent(p, k -> k.matcher(clause));
            if (m.region(at - base, clause.length()).lookingAt()) {
                return new int[] { at, base + m.end() };
            }
            if (at + 1 > end) {
                return null;
            }
            int[] last = further.get(p);
            if (last == null || at + 1 < last[0] || last[1] >= 0 && at + 1 > last[1]) {
                last = m.find(at + 1 - base) ? new int[] { at + 1, base + m.start(), base + m.end() } : new int[] { at + 1, -1, -1 };
                further.put(p, last);
            }
            return last[1] < 0 ? null : new int[] { last[1], last[2] };
        }
    }

    /**
     * After a recalled meeting's date, the meeting is named by its parties ("thỏa thuận đạt được
     * tại buổi hội đàm ngày 26/12/2023 giữa hai thành phố"): the agreement reached there does not
     * make the dated meeting itself a mere recalled agreement.
     */
    private boolean betweenSides(String afterDate) {
        Matcher between = cues.find("between", afterDate);
        return between != null && cues.has("two_sides", afterDate.substring(between.end()));
    }
}
