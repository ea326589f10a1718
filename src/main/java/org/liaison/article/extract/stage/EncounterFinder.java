package org.liaison.article.extract.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.TripSpan;
import org.liaison.article.extract.Stage;
import org.liaison.text.AliasKey;

/**
 * Which sentences report which encounter. The encounter sentences are those with a meeting or a
 * joint-ceremony cue (not the page's date line, the title repeated or the page's other items); the
 * article reports a Vietnam–China exchange when both sides take part in the first of them and it
 * is no message, multilateral forum, announcement, company's visit or third country's meeting.
 * The main exchange is told by the first encounter sentences and the lead; further exchanges by
 * clauses that report a separate encounter: another meeting of the visit, an item of a list of
 * meetings, an earlier encounter recalled with its own date. An article whose own report is no
 * exchange may still recall one (a photo caption of a dated welcome ceremony).
 *
 * <p>Each sentence is read with the mentions that stand in it, looked up by offset ({@link ArticleDoc#datesOf},
 * {@link ArticleDoc#personsStartingIn}), so that a page of thousands of meeting sentences costs their length.
 */
public final class EncounterFinder implements Stage {

    /** How far into its sentence a date still opens it ("Chiều 4/11,", "On November 4,"). */
    private static final int OPENING_DATE_REACH = 14;
    /** "(on )?the same day", "chiều cùng ngày": a sequence marker that keeps the main exchange's day. */
    private final Pattern sameDay;
    private final Pattern closing;
    private final Pattern describes;
    private final Pattern receivesDelegation;
    private final Pattern visitTold;
    /** The future cues that are a verb ("will pay", "is scheduled to", "sẽ thăm"), not an adjective ("upcoming", "next"). */
    private final Pattern futureVerb;
    /** A meeting noun right before a date: the date is that meeting's ("buổi hội đàm ngày", "the talks on"). */
    private final Pattern meetingBeforeDate;
    /** A sentence telling a visit's next stop ("the delegation travelled to Haikou", "đoàn đến thăm tỉnh Chiết Giang"). */
    private final Pattern visitStop;
    /** A visit's words: a span beside them is the trip's (shared with the date coding). */
    private final Pattern tripWords;
    /** "wrapped up a visit on June 14, during which it held talks": a visit summed up before its meetings are told. */
    private final Pattern visitSummary;
    /** A lead that says when a visit ended ("wrapped up a working visit to China on September 13"). */
    private final Pattern visitEnded;
    /** A sentence that starts with yesterday ("Chiều qua", "Yesterday"). */
    private final Pattern yesterdayStart;
    /** "held a working session with executives of Tianfu Xinke Electronics Co.": a company as the further meeting's counterpart. */
    private final Pattern companyCounterpart;

    private final CueBook cues;
    private final EncounterWords encounterWords;
    private final ExchangeScreen screen;
    private final DatedEncounters datedEncounters;

    public EncounterFinder(CueBook cues, RuleBook rules) {
        this.cues = cues;
        this.encounterWords = new EncounterWords(cues);
        this.screen = new ExchangeScreen(cues, rules, encounterWords);
        this.datedEncounters = new DatedEncounters(cues, rules, encounterWords, screen);
        this.sameDay = rules.pattern("encounters.same_day");
        this.closing = rules.pattern("encounters.closing");
        this.futureVerb = rules.pattern("encounters.future_verb");
        this.meetingBeforeDate = rules.pattern("encounters.meeting_before_date");
        this.visitStop = rules.pattern("encounters.visit_stop");
        this.describes = rules.pattern("encounters.describes");
        this.receivesDelegation = rules.pattern("encounters.receives_delegation");
        this.tripWords = rules.pattern("date_choice.trip");
        this.visitSummary = rules.pattern("encounters.visit_summary");
        this.visitEnded = rules.pattern("encounters.visit_ended");
        this.visitTold = rules.pattern("encounters.visit_told");
        this.yesterdayStart = rules.pattern("encounters.yesterday_start");
        this.companyCounterpart = rules.pattern("encounters.company_counterpart");
    }

    @Override
    public void annotate(ArticleDoc doc) {
        List<Sentence> events = new ArrayList<>();
        for (Sentence s : reportSentences(doc)) {
            if (encounterWords.cue(s.folded())) {
                events.add(s);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        if (!screen.bilateral(doc, events, lead(doc))) {
            // the report is no exchange, but it may recall one with its date and both sides
            List<Encounters.Clause> recalled = datedEncounters.standaloneRecalls(doc, events);
            if (!recalled.isEmpty()) {
                doc.setEncounters(new Encounters(null, recalled));
            }
            return;
        }
        Sentence lead = lead(doc);
        if (events.size() >= 2 && visitSummary.matcher(events.get(0).folded()).find()
                && (!doc.datesOf(events.get(1).index()).isEmpty() || doc.weekdays().containsKey(events.get(1).index()))) {
            // the visit summed up at its end: its meetings are told one by one after it, the first of them says its own day
            events.remove(0);
        }
        Sentence first = events.get(0);
        LocalDate mainDate = mainDate(doc, lead, first);
        List<Encounters.Clause> clauses = furtherClauses(doc, events, first, mainDate);
        doc.setEncounters(new Encounters(mainScope(doc, lead, events, clauses), clauses));
    }


    /** The sentences of the report: not page furniture, and none after the page's other items begin ("Related news"). */
    private List<Sentence> reportSentences(ArticleDoc doc) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            if (cues.has("page_noise", s.folded()) && !out.isEmpty()) {
                break;
            }
            if (!furniture(doc, s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The page's date line and the title repeated in the text: not the report itself. */
    public static boolean furniture(ArticleDoc doc, Sentence s) {
        if (s.end() <= doc.publicationLineEnd()) {
            return true;
        }
        String title = doc.foldedTitle();
        if (title.length() <= 10) {
            return false; // too short a title to tell repeated (and no need to fold the sentence)
        }
        String t = AliasKey.fold(doc.folded().originalSpan(Math.max(s.start(), doc.publicationLineEnd()), s.end()));
        return t.equals(title) || t.contains(title) && t.length() < title.length() + 40;
    }

    /** The first sentence of the report proper. */
    private static Sentence lead(ArticleDoc doc) {
        for (Sentence s : doc.sentences()) {
            if (!furniture(doc, s) && s.folded().strip().length() > 40) {
                return s;
            }
        }
        return doc.sentence(0);
    }


    /**
     * The main exchange's day as the lead and the first encounter sentence tell it, else as the
     * next two sentences do (a caption may come first: "At the conference, ..."), else the
     * publication date.
     */
    private LocalDate mainDate(ArticleDoc doc, Sentence lead, Sentence first) {
        int from = lead.index() < first.index() && first.index() - lead.index() <= 2 ? lead.start() : first.start();
        int to = doc.sentence(Math.min(doc.sentences().size() - 1, first.index() + 2)).end();
        // "... paid a working visit from May 20 to 23. On May 21, the delegation held talks ...": the trip's span is no meeting's day
        if (from < first.start()) {
            LocalDate own = TripSpan.meetingDay(doc, from, first, visitSummary);
            if (own != null) {
                return own;
            }
            LocalDate weekday = TripSpan.weekdayWithinEndedVisit(doc, from, first, visitEnded);
            if (weekday != null) {
                return weekday;
            }
        }
        for (int daySentence : new int[] { first.index(), doc.sentenceAt(from) }) {
            LocalDate dayOfTheVisit = TripSpan.dayWithinSpan(doc, first, daySentence, tripWords);
            if (dayOfTheVisit != null) {
                return dayOfTheVisit;
            }
        }
        for (int end : new int[] { first.end(), to }) {
            if (end == to && doc.relativeDay(first.index()) != null) {
                return doc.relativeDay(first.index()); // the first encounter sentence's weekday before a later sentence's date
            }
            for (DateMention d : doc.dates()) {
                if (d.start() >= Math.max(from, doc.publicationLineEnd()) && d.start() < end
                        && (end == first.end() || !anotherMeetingsDate(doc, d, first))) {
                    return d.date();
                }
            }
        }
        return doc.published();
    }

    /**
     * A date after the first encounter sentence that a meeting word just before it claims ("tại
     * buổi hội đàm ngày 26/12/2023", "at the talks on May 5, 2019"): another meeting's day, not
     * the main exchange's.
     */
    private boolean anotherMeetingsDate(ArticleDoc doc, DateMention d, Sentence first) {
        return d.sentence() > first.index() && meetingBeforeDate.matcher(doc.text().substring(Math.max(0, d.start() - 30), d.start())).find();
    }

    /**
     * Clauses that report a separate encounter: the items of a list of meetings with different
     * counterparts ("chào xã giao X; hội đàm với Y"); a sentence that starts with a sequence marker
     * ("Earlier", "The same afternoon", "Trước đó", "Chiều cùng ngày"); one that tells a meeting
     * with a day of its own (another day of the visit, or an earlier encounter that names both
     * sides); one that says the visitor "also met" a Chinese counterpart; one that starts with yesterday
     * when the main exchange was on another day; one whose day the sentence before gives with the
     * visit's next stop. Not an announced meeting nor one with a third country.
     */
    private List<Encounters.Clause> furtherClauses(ArticleDoc doc, List<Sentence> events, Sentence first, LocalDate mainDate) {
        List<Encounters.Clause> out = new ArrayList<>();
        for (Sentence s : events) {
            if (s == first && !s.folded().contains(";")) {
                continue;
            }
            List<Encounters.Clause> items = listedMeetings(doc, s);
            if (items.size() >= 2) {
                // the first item is the main exchange when this is the first encounter sentence
                for (Encounters.Clause item : s == first ? items.subList(1, items.size()) : items) {
                    out.addAll(witnessedSigning(doc, item));
                }
                continue;
            }
            if (s == first || screen.announced(s.folded()) || screen.thirdCountryOnly(doc, s)
                    || companyCounterpart.matcher(s.folded()).find() && screen.businessOnly(doc, s)) {
                continue; // "On Thursday, the delegation held a working session with executives of Tianfu Xinke Electronics Co."
            }
            Encounters.Clause dated = datedEncounters.datedEncounter(doc, s, mainDate, true);
            if (dated == null && describes.matcher(s.folded()).find()) {
                continue; // "Đây là hoạt động nhằm cụ thể hóa kết quả hội nghị ...": said of what was told, no meeting of its own
            }
            boolean marked = cues.has("earlier", s.folded());
            if (marked && sameDay.matcher(s.folded()).find() && ownMeeting(doc, s)) {
                out.add(new Encounters.Clause(s.index(), s.start(), s.end(), Encounters.Link.SAME_DAY));
            } else if (dated != null) {
                out.add(dated);
            } else if (!visitTold.matcher(first.folded()).find() && opensWithTheMainDay(doc, s, first, mainDate) && ownMeeting(doc, s)) {
                out.add(new Encounters.Clause(s.index(), s.start(), s.end(), Encounters.Link.SAME_DAY));
            } else if ((marked || yesterdayOfItsOwn(doc, s, mainDate)) && ownMeeting(doc, s) || alsoMet(doc, s)) {
                out.add(new Encounters.Clause(s.index(), s.start(), s.end(), Encounters.Link.SAME_VISIT));
            } else if (mainDate != null && dayOfTheStopBefore(doc, s, events, mainDate)) {
                out.add(new Encounters.Clause(s.index(), doc.sentence(s.index() - 1).start(), s.end(), Encounters.Link.SAME_VISIT));
            }
        }
        return out;
    }

    /**
     * "Chiều 4/11, Phó Thủ tướng X đã tiếp Thứ trưởng Y" after the workshop of 4 and 5/11: a sentence that opens with the
     * main exchange's day and names someone the main sentence does not tells a meeting of that day of its own.
     */
    private static boolean opensWithTheMainDay(ArticleDoc doc, Sentence s, Sentence first, LocalDate mainDate) {
        if (mainDate == null) {
            return false;
        }
        boolean opens = doc.datesOf(s.index()).stream().anyMatch(d -> d.date().equals(mainDate) && d.start() - s.start() <= OPENING_DATE_REACH);
        if (!opens) {
            return false;
        }
        Set<String> before = new HashSet<>();
        doc.personsOf(first.index()).forEach(p -> before.add(p.name()));
        return doc.personsOf(s.index()).stream().anyMatch(p -> !before.contains(p.name()) && (p.known() || !p.title().isEmpty()));
    }

    /** "Chiều qua, ... tiếp đoàn" after an exchange of the publication day: yesterday is a day of its own. */
    private boolean yesterdayOfItsOwn(ArticleDoc doc, Sentence s, LocalDate mainDate) {
        return mainDate != null && doc.published() != null && !doc.published().minusDays(1).equals(mainDate)
                && yesterdayStart.matcher(s.folded()).find();
    }

    /**
     * "Ngày 5/7, đoàn đến thăm tỉnh Chiết Giang. Tại thành phố Hàng Châu, đồng chí X ... đã có buổi làm việc với đoàn": the
     * sentence before tells the visit's next stop and its day, this one the meeting there, with a Chinese party named or
     * the host receiving "the delegation" ("Tại TP Hạ Long, đồng chí X đã tiếp đoàn").
     */
    private boolean dayOfTheStopBefore(ArticleDoc doc, Sentence s, List<Sentence> events, LocalDate mainDate) {
        if (s.index() == 0 || !doc.datesOf(s.index()).isEmpty()) {
            return false;
        }
        Sentence before = doc.sentence(s.index() - 1);
        if (events.contains(before) || !visitStop.matcher(before.folded()).find()
                || !encounterWords.sides(doc, s.start(), s.end())[0] && !receivesDelegation.matcher(s.folded()).find()) {
            return false;
        }
        return doc.datesOf(before.index()).stream().anyMatch(d -> !d.date().equals(mainDate) && !d.date().isAfter(doc.referenceDate())
                && Math.abs(d.date().toEpochDay() - mainDate.toEpochDay()) <= EncounterWords.VISIT_DAYS);
    }



    /**
     * A sentence marked as a further meeting tells a meeting of its own: a meeting word after the
     * marker that is no signing the participants witness, and an actor named (a person, a
     * locality, or a side's word). "After the talks, the two leaders witnessed the signing of ..."
     * and "At the end of the talks, the two sides signed the minutes" go on telling the main exchange.
     */
    private boolean ownMeeting(ArticleDoc doc, Sentence s) {
        String folded = s.folded();
        Matcher marker = cues.find("earlier", folded);
        String rest = marker == null ? folded : folded.substring(marker.end());
        Matcher witnessed = cues.find("witnessed_signing", rest);
        if (witnessed != null) {
            int signatories = s.start() + (marker == null ? 0 : marker.end()) + witnessed.end();
            if (bothSidesNamed(doc, signatories, s.end())) {
                // "the two ministers witnessed the signing of a memorandum by Deputy Minister A and Vice Minister B": its own signing
                return true;
            }
            rest = rest.substring(0, witnessed.start()) + " " + rest.substring(witnessed.end());
        }
        // "Kết thúc hội đàm, hai bên ký biên bản hội đàm": the minutes close the meeting told before
        for (Matcher minutes = cues.find("minutes", rest); minutes != null; minutes = cues.find("minutes", rest)) {
            rest = rest.substring(0, minutes.start()) + " " + rest.substring(minutes.end());
        }
        Matcher planned = cues.find("future", rest);
        if (planned != null && futureVerb.matcher(planned.group()).find()) {
            rest = rest.substring(0, planned.start()); // "... và thống nhất tổ chức cuộc hội đàm giữa năm": that meeting is planned
        }
        if (!encounterWords.cue(rest) || closing.matcher(folded).find() && doc.personsOf(s.index()).isEmpty() && !namesSomeoneBefore(doc, s)) {
            return false; // "Kết thúc hội đàm, hai bên ký biên bản ghi nhớ": the sides close their talks
        }
        boolean[] sides = encounterWords.sides(doc, s.start(), s.end());
        // "Following the reception, the two sides signed ...": the sides of the meeting told before
        return sides[0] || sides[1] || cues.has("two_sides", rest) || !doc.personsOf(s.index()).isEmpty()
                || doc.placesOf(s.index()).stream().anyMatch(p -> !p.dateline()) || namesSomeoneBefore(doc, s);
    }

    /** A person of each side starts in {@code [from, to)}. */
    private static boolean bothSidesNamed(ArticleDoc doc, int from, int to) {
        boolean cn = false;
        boolean vn = false;
        for (PersonMention p : doc.personsStartingIn(from, to)) {
            cn |= p.side().equals("CN");
            vn |= p.side().equals("VN");
        }
        return cn && vn;
    }

    /** "After the talks, Yang and Ly signed the agreement": one word of the name of a person named before (as news
     * writing calls people the second time). */
    private static boolean namesSomeoneBefore(ArticleDoc doc, Sentence s) {
        String text = doc.folded().originalSpan(s.start(), s.end());
        for (PersonMention p : doc.persons()) {
            if (p.start() >= s.start()) {
                break;
            }
            // the words as the article wrote them (the table's name may be another form: pinyin for a Hán-Việt name)
            String[] words = doc.folded().originalSpan(p.start(), p.end()).strip().split(" ");
            if (words.length >= 2 && (wordIn(text, words[0]) || wordIn(text, words[words.length - 1]))) {
                return true;
            }
        }
        return false;
    }

    /** {@code word} stands in {@code text} with no letter right before or after it. */
    private static boolean wordIn(String text, String word) {
        if (word.length() < 2) {
            return false;
        }
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int after = i + word.length();
            if ((i == 0 || !Character.isLetter(text.charAt(i - 1))) && (after >= text.length() || !Character.isLetter(text.charAt(after)))) {
                return true;
            }
        }
        return false;
    }


    /** "X also met Y": a further meeting of the visit with a Chinese counterpart named after the verb. */
    private boolean alsoMet(ArticleDoc doc, Sentence s) {
        Matcher m = cues.find("also", s.folded());
        return m != null && encounterWords.sides(doc, s.start() + m.end(), s.end())[0];
    }

    /**
     * A list item that goes on to a signing witnessed between two named authorities, one of each
     * side ("..., chứng kiến lễ ký bản ghi nhớ giữa UBND thành phố Hà Nội và chính quyền thành phố
     * Quảng Châu"): the meeting, and the signing as an exchange of its own. A signing "of the two
     * capitals' agencies", naming neither, stays part of the meeting.
     */
    private List<Encounters.Clause> witnessedSigning(ArticleDoc doc, Encounters.Clause item) {
        String text = doc.text().substring(item.start(), item.end());
        Matcher w = cues.find("witnessed_signing", text);
        if (w != null) {
            int from = item.start() + w.start();
            Matcher between = cues.find("between", text.substring(w.end()));
            boolean[] sides = encounterWords.sides(doc, from, item.end());
            if (between != null && sides[0] && sides[1]) {
                return List.of(new Encounters.Clause(item.sentence(), item.start(), from, item.link()),
                        new Encounters.Clause(item.sentence(), from, item.end(), Encounters.Link.SAME_VISIT));
            }
        }
        return List.of(item);
    }

    /** The items of a list of meetings in one sentence, split at ';': each with a meeting cue and a Chinese counterpart of its own. */
    private List<Encounters.Clause> listedMeetings(ArticleDoc doc, Sentence s) {
        String[] parts = s.folded().split(";");
        List<Encounters.Clause> items = new ArrayList<>();
        if (parts.length < 2) {
            return items;
        }
        int offset = s.start();
        Set<String> counterparts = new HashSet<>();
        for (String p : parts) {
            int cs = offset;
            int ce = offset + p.length();
            offset = ce + 1;
            if (!cues.has("meeting", p)) {
                continue;
            }
            String cp = doc.personsStartingIn(cs, ce).stream().filter(m -> m.side().equals("CN"))
                    .map(PersonMention::name).findFirst().orElse(null);
            if (cp != null && counterparts.add(cp)) {
                items.add(new Encounters.Clause(s.index(), cs, ce, Encounters.Link.LISTED));
            }
        }
        return items;
    }

    /**
     * The main exchange: up to three encounter sentences not told as further exchanges, and the lead before them. None
     * after a further exchange's sentence that is not a recall: from there the report tells that one ("Following the
     * reception, the two sides signed ... The document was signed by A and B").
     */
    private static MainScope mainScope(ArticleDoc doc, Sentence lead, List<Sentence> events, List<Encounters.Clause> clauses) {
        Sentence first = events.get(0);
        Set<Integer> further = new HashSet<>();
        int movedOn = Integer.MAX_VALUE;
        for (Encounters.Clause c : clauses) {
            further.add(c.sentence());
            if (c.sentence() > first.index() && c.link() != Encounters.Link.RECALLED) {
                movedOn = Math.min(movedOn, c.sentence());
            }
        }
        List<Sentence> core = new ArrayList<>();
        for (Sentence s : events) {
            if (core.size() < 3 && !further.contains(s.index()) && s.index() < movedOn || s == first) {
                if (!core.contains(s)) {
                    core.add(s);
                }
            }
        }
        int clauseEnd = first.end();
        if (first.folded().contains(";")) {
            clauseEnd = first.start() + first.folded().indexOf(';');
        }
        // The lead usually says when and where; the encounter verb may come a sentence later.
        int focusStart = lead.index() < first.index() && first.index() - lead.index() <= 2 ? lead.start() : first.start();
        if (focusStart < first.start()) {
            for (Sentence s : doc.sentences()) {
                if (s.start() >= focusStart && s.index() < first.index() && !core.contains(s)) {
                    core.add(0, s);
                }
            }
        }
        return new MainScope(core, focusStart, clauseEnd, first.index());
    }
}
