package org.liaison.article.extract.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;
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

    /** Days apart within which a dated meeting belongs to the same visit as the main exchange. */
    private static final int VISIT_DAYS = 14;
    /** How far before a later date a future word makes it a plan ("sẽ tổ chức giải bóng chuyền ... vào tháng 3 năm 2025"). */
    private static final int FUTURE_BEFORE_DATE = 80;
    /** How far before a date the visit it dates may be named. */
    private static final int VISIT_REACH = 90;
    /** How far (characters) a recalled encounter's date may lie from its meeting word. */
    private static final int DATE_NEAR_CUE = 120;
    /** "(on )?the same day", "chiều cùng ngày": a sequence marker that keeps the main exchange's day. */
    private final Pattern sameDay;
    /** "on the sidelines of" a multilateral event: a bilateral meeting there is an exchange. */
    private final Pattern sidelines;
    private final Pattern closing;
    private final Pattern describes;
    private final Pattern sinceBefore;
    private static final int SINCE_REACH = 100;
    private final Pattern receivesDelegation;
    private final Pattern calledOff;
    private final Pattern heldAnyway;
    private final Pattern visitTold;
    /** How far into its sentence a date still opens it ("Chiều 4/11,", "On November 4,"). */
    private static final int OPENING_DATE_REACH = 14;
    /** The future cues that are a verb ("will pay", "is scheduled to", "sẽ thăm"), not an adjective ("upcoming", "next"). */
    private final Pattern futureVerb;
    /** A meeting noun right before a date: the date is that meeting's ("buổi hội đàm ngày", "the talks on"). */
    private final Pattern meetingBeforeDate;
    /** A verb of taking place in the future ("are expected to take place", "sẽ diễn ra"). */
    private final Pattern futureOccurs;
    /** A determiner right before a meeting word makes it a noun ("the talks", "buổi hội đàm"). */
    private final Pattern meetingNoun;
    /** After a dated clause's comma, its hosts or attendees ("..., chaired by its chairman X"): the clause goes on. */
    private final Pattern clauseGoesOn;
    private static final Pattern CLAUSE_END = Pattern.compile("[,;]");
    /** A sentence telling a visit's next stop ("the delegation travelled to Haikou", "đoàn đến thăm tỉnh Chiết Giang"). */
    private final Pattern visitStop;
    /** A visit's words: a span beside them is the trip's (shared with the date coding). */
    private final Pattern tripWords;
    /** "wrapped up a visit on June 14, during which it held talks": a visit summed up before its meetings are told. */
    private final Pattern visitSummary;
    /** "chuyến thăm ... hồi", "state visit to Vietnam in": a visit's words before a date. */
    private final Pattern visitBeforeDate;
    /** A sentence that starts with yesterday ("Chiều qua", "Yesterday"). */
    private final Pattern yesterdayStart;

    private final CueBook cues;

    public EncounterFinder(CueBook cues, RuleBook rules) {
        this.cues = cues;
        this.sameDay = rules.pattern("encounters.same_day");
        this.sidelines = rules.pattern("encounters.sidelines");
        this.closing = rules.pattern("encounters.closing");
        this.futureVerb = rules.pattern("encounters.future_verb");
        this.calledOff = rules.pattern("encounters.called_off");
        this.heldAnyway = rules.pattern("encounters.held_anyway");
        this.meetingBeforeDate = rules.pattern("encounters.meeting_before_date");
        this.clauseGoesOn = rules.pattern("encounters.clause_goes_on");
        this.futureOccurs = rules.pattern("encounters.future_occurs");
        this.meetingNoun = rules.pattern("encounters.meeting_noun");
        this.visitStop = rules.pattern("encounters.visit_stop");
        this.describes = rules.pattern("encounters.describes");
        this.sinceBefore = rules.pattern("encounters.since_before");
        this.receivesDelegation = rules.pattern("encounters.receives_delegation");
        this.tripWords = rules.pattern("date_choice.trip");
        this.visitSummary = rules.pattern("encounters.visit_summary");
        this.visitTold = rules.pattern("encounters.visit_told");
        this.visitBeforeDate = rules.pattern("encounters.visit_before_date");
        this.yesterdayStart = rules.pattern("encounters.yesterday_start");
    }

    @Override
    public void annotate(ArticleDoc doc) {
        List<Sentence> events = new ArrayList<>();
        for (Sentence s : reportSentences(doc)) {
            if (encounterCue(s.folded())) {
                events.add(s);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        if (!bilateral(doc, events)) {
            // the report is no exchange, but it may recall one with its date and both sides
            List<Encounters.Clause> recalled = standaloneRecalls(doc, events);
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

    private boolean encounterCue(String folded) {
        return cues.has("meeting", folded) || cues.has("ceremony", folded);
    }

    /** The first meeting or ceremony word in {@code folded}, or null. */
    private Matcher firstCue(String folded) {
        Matcher meeting = cues.find("meeting", folded);
        Matcher ceremony = cues.find("ceremony", folded);
        return meeting == null || ceremony != null && ceremony.start() < meeting.start() ? ceremony : meeting;
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

    /** A Vietnam–China encounter, not a message, a multilateral forum, a company's visit or a third country's meeting. */
    private boolean bilateral(ArticleDoc doc, List<Sentence> events) {
        StringBuilder leadText = new StringBuilder();
        for (int i = 0; i < Math.min(3, events.size()); i++) {
            leadText.append(events.get(i).folded()).append(' ');
        }
        String lead = leadText.toString();
        String title = doc.foldedTitle();
        String opening = doc.sentences().stream().limit(3).map(Sentence::folded).reduce("", String::concat);
        if ((cues.has("not_exchange", title) || cues.has("not_exchange", opening)) && !cues.has("meeting", title + " " + opening)) {
            return false;
        }
        if (cues.has("multilateral", lead) && !bilateralOnTheSidelines(doc, events)) {
            return false;
        }
        Sentence firstEvent = events.get(0);
        String first = firstEvent.folded();
        if (announced(first)) {
            return false;
        }
        if (businessOnly(doc, firstEvent) || preparatoryOnly(doc, firstEvent) || noCounterpartBody(doc, firstEvent)) {
            return false;
        }
        int lastLead = events.get(Math.min(events.size() - 1, 2)).index();
        boolean cn = false;
        boolean vn = false;
        for (PersonMention p : doc.persons()) {
            if (p.sentence() <= lastLead) {
                cn |= p.side().equals("CN");
                vn |= p.side().equals("VN");
            }
        }
        for (PlaceMention p : doc.places()) {
            if (!p.dateline() && p.sentence() <= lastLead) {
                cn |= p.locality().country().equals("CN");
                vn |= p.locality().country().equals("VN");
            }
        }
        cn |= cues.has("cn", lead);
        vn |= cues.has("vn", lead) || doc.language().equals("vi");
        if (cues.has("third_country", lead) && !cues.has("cn", lead)) {
            return false;
        }
        return cn && vn && counterpartNamed(doc, events);
    }

    /**
     * "On the sidelines of the expo, X met Y": a meeting there is bilateral when its own sentence has no other
     * country's or region's side and its counterpart is no company alone.
     */
    private boolean bilateralOnTheSidelines(ArticleDoc doc, List<Sentence> events) {
        for (Sentence s : events.subList(0, Math.min(3, events.size()))) {
            if (sidelines.matcher(s.folded()).find() && !cues.has("multilateral", s.folded()) && !businessOnly(doc, s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lead or the first encounter sentence (the next one when the first names nobody, as a photo caption) names a
     * Chinese party before the meeting's subject: "làm việc với Sở Ngoại vụ về hợp tác với tỉnh Hải Nam" and "worked
     * with the province on the progress of the gate ..." are meetings of one side about China. A Chinese person
     * anywhere in the sentence is a party.
     */
    private boolean counterpartNamed(ArticleDoc doc, List<Sentence> events) {
        List<Sentence> opening = new ArrayList<>(List.of(lead(doc), events.get(0)));
        if (doc.personsOf(events.get(0).index()).isEmpty() && events.size() > 1) {
            opening.add(events.get(1));
        }
        for (Sentence s : opening) {
            if (doc.personsOf(s.index()).stream().anyMatch(p -> p.side().equals("CN"))) {
                return true;
            }
            Matcher meeting = firstCue(s.folded());
            int from = meeting == null ? 0 : meeting.end();
            Matcher topic = cues.find("topic", s.folded().substring(from));
            int to = topic == null ? s.end() : s.start() + from + topic.start();
            if (sides(doc, s.start(), to)[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Announced, not held: "will hold talks" is no meeting held, unless a meeting is reported
     * besides. A future verb before the sentence's first meeting word governs it ("Li Qiang will
     * pay an official visit ..., after attending the leaders' meetings"): the meeting word is part
     * of what is announced; a meeting told before the future ("met ...; they will meet again") is held. A meeting
     * postponed or called off is not held either.
     */
    private boolean announced(String folded) {
        if (calledOff.matcher(folded).find() && !heldAnyway.matcher(folded).find()) {
            return true; // "its annual talks with Chongzuo, scheduled for Tuesday, would be postponed"
        }
        Matcher future = cues.find("future", folded);
        if (future == null) {
            return false;
        }
        Matcher cue = firstCue(folded);
        if (cue != null && future.start() < cue.start() && futureVerb.matcher(future.group()).find()) {
            return true;
        }
        if (cue != null && futureOccurrence(folded, cue)) {
            return true;
        }
        return !encounterCue(folded.replace(future.group(), ""));
    }

    /**
     * "The talks with Guangxi are expected to take place on January 15", "Hội nghị sẽ diễn ra ...": the meeting is the
     * noun subject of a verb of taking place in the future, with no clause break between. "X met Y; the next round will
     * take place in Beijing" tells a meeting held: its first meeting word is a verb, not a noun after a determiner.
     */
    private boolean futureOccurrence(String folded, Matcher cue) {
        Matcher occurs = futureOccurs.matcher(folded);
        if (!occurs.find(cue.end()) || folded.substring(cue.end(), occurs.start()).matches("(?s).*[;].*")) {
            return false;
        }
        return meetingNoun.matcher(folded.substring(Math.max(0, cue.start() - 40), cue.start())).find();
    }

    /**
     * "received President of the Asian Infrastructure Investment Bank (AIIB) Jin Liqun", "Đại sứ quán Trung Quốc ... gặp
     * mặt, chúc Tết cộng đồng người Trung Quốc": the counterpart is an international organisation or the host's own
     * community, not a body of the other side, whoever heads it; no Chinese place acts in the sentence.
     */
    private boolean noCounterpartBody(ArticleDoc doc, Sentence s) {
        if (cues.has("own_community", s.folded())) {
            return true;
        }
        return cues.has("international_body", s.folded())
                && doc.placesOf(s.index()).stream().noneMatch(p -> !p.dateline() && p.locality().country().equals("CN"))
                && !cues.has("cn", s.folded());
    }

    /**
     * The counterpart is a company or business delegation alone: a business word in the encounter
     * sentence and no Chinese person or place there that an authority's word stands beside.
     */
    private boolean businessOnly(ArticleDoc doc, Sentence s) {
        if (!cues.has("business", s.folded())) {
            return false;
        }
        String t = doc.text();
        for (PersonMention p : doc.personsOf(s.index())) {
            if (p.side().equals("CN")
                    && cues.has("state_actor", t.substring(Math.max(s.start(), p.start() - 80), Math.min(s.end(), p.end() + 80)))) {
                return false;
            }
        }
        for (PlaceMention p : doc.placesOf(s.index())) {
            if (!p.dateline() && p.locality().country().equals("CN")
                    && cues.has("state_actor", t.substring(Math.max(s.start(), p.start() - 30), Math.min(s.end(), p.end() + 40)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A meeting that prepares another ("chaired a meeting with provincial departments to prepare for the visit of a
     * Guangxi delegation"): no Chinese person or place named before the words of preparation, so the Chinese side is
     * only what is prepared for. "Held talks with the Chinese ambassador to prepare for the visit" names one before.
     */
    private boolean preparatoryOnly(ArticleDoc doc, Sentence s) {
        Matcher prep = cues.find("preparatory", s.folded());
        if (prep == null) {
            return false;
        }
        int at = s.start() + prep.start();
        return !sides(doc, s.start(), at)[0];
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
            if (s == first || announced(s.folded()) || thirdCountryOnly(doc, s)) {
                continue;
            }
            Encounters.Clause dated = datedEncounter(doc, s, mainDate, true);
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
                || !sides(doc, s.start(), s.end())[0] && !receivesDelegation.matcher(s.folded()).find()) {
            return false;
        }
        return doc.datesOf(before.index()).stream().anyMatch(d -> !d.date().equals(mainDate) && !d.date().isAfter(doc.referenceDate())
                && Math.abs(d.date().toEpochDay() - mainDate.toEpochDay()) <= VISIT_DAYS);
    }

    /**
     * Recalled encounters of an article whose own report is no exchange: each with its date and both sides named. The
     * first encounter sentence dated in the days before the article is that report itself (a meeting of one side), not
     * a recall; a photo caption recalling an earlier visit may come first too.
     */
    private List<Encounters.Clause> standaloneRecalls(ArticleDoc doc, List<Sentence> events) {
        List<Encounters.Clause> out = new ArrayList<>();
        for (Sentence s : events) {
            if (s == events.get(0) && doc.datesOf(s.index()).stream()
                    .anyMatch(d -> Math.abs(d.date().toEpochDay() - doc.referenceDate().toEpochDay()) <= VISIT_DAYS)) {
                continue;
            }
            if (announced(s.folded()) || thirdCountryOnly(doc, s) || cues.has("multilateral", s.folded())
                    || cues.has("not_exchange", s.folded()) || businessOnly(doc, s) || preparatoryOnly(doc, s)) {
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
    private Encounters.Clause datedEncounter(ArticleDoc doc, Sentence s, LocalDate mainDate, boolean sidesFromContext) {
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
            if (!encounterCue(t.substring(Math.max(s.start(), d.start() - DATE_NEAR_CUE), d.start()))) {
                int to = Math.min(s.end(), d.end() + DATE_NEAR_CUE);
                Matcher after = firstCue(t.substring(d.end(), to));
                if (after == null) {
                    continue;
                }
                cueEnd = d.end() + after.end();
            }
            int clauseEnd = ends.from(cueEnd);
            while (clauseEnd < s.end() && clauseGoesOn.matcher(t).region(clauseEnd + 1, s.end()).lookingAt()) {
                clauseEnd = ends.from(clauseEnd + 1);
            }
            if (clauseEnd < s.end() && tellsNothingElse(doc, s, clauseEnd)) {
                // "..., Vice Governor of Xishuangbanna prefecture, in Jinghong city.": titles and the place, no other meeting
                clauseEnd = s.end();
            }
            ClauseFacts facts = byEnd.computeIfAbsent(clauseEnd, e -> new ClauseFacts(doc, t.substring(s.start(), e), s.start(), e));
            if (facts.recallNot() && !facts.betweenSidesFrom(d.start())) {
                continue;
            }
            if (facts.present() && mainDate != null) {
                continue; // "at the talks on ...": the main exchange told again
            }
            boolean sameVisit = mainDate != null && Math.abs(d.date().toEpochDay() - mainDate.toEpochDay()) <= VISIT_DAYS;
            if (!sameVisit && visitDated(doc, s, d, clauseEnd)) {
                continue;
            }
            boolean[] sides = facts.sides();
            boolean byContext = sidesFromContext && facts.twoSides();
            if (sameVisit ? sides[0] || sides[1] || byContext : sides[0] && sides[1] || byContext || namedEvent(t, s.start(), clauseEnd, d, mainDate)) {
                return new Encounters.Clause(s.index(), s.start(), clauseEnd,
                        sameVisit ? Encounters.Link.SAME_VISIT : Encounters.Link.RECALLED);
            }
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
        if (!visit.find() || encounterCue(doc.text().substring(visit.end(), d.start()))) {
            return false;
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

    /** The rest of the sentence from {@code at} names no other day, meeting or recalled agreement: the same clause's titles and place. */
    private boolean tellsNothingElse(ArticleDoc doc, Sentence s, int at) {
        String rest = doc.text().substring(at, s.end());
        return doc.datesStartingIn(at, s.end()).isEmpty() && !encounterCue(rest) && !cues.has("recall_not", rest)
                && !cues.has("future", rest);
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
                sides = EncounterFinder.this.sides(doc, from, to);
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
                return EncounterFinder.this.betweenSides(text.substring(at, end));
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

    /** Whether the span names a Chinese and a Vietnamese actor: {cn, vn}, by persons, places or words of each side. */
    private boolean[] sides(ArticleDoc doc, int from, int to) {
        boolean cn = false;
        boolean vn = false;
        for (PersonMention p : doc.personsStartingIn(from, to)) {
            cn |= p.side().equals("CN");
            vn |= p.side().equals("VN");
        }
        for (PlaceMention p : doc.placesStartingIn(from, to)) {
            if (!p.dateline()) {
                cn |= p.locality().country().equals("CN");
                vn |= p.locality().country().equals("VN");
            }
        }
        String span = doc.text().substring(from, to);
        return new boolean[] { cn || cues.has("cn", span), vn || cues.has("vn", span) };
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
        if (!encounterCue(rest) || closing.matcher(folded).find() && doc.personsOf(s.index()).isEmpty() && !namesSomeoneBefore(doc, s)) {
            return false; // "Kết thúc hội đàm, hai bên ký biên bản ghi nhớ": the sides close their talks
        }
        boolean[] sides = sides(doc, s.start(), s.end());
        // "Following the reception, the two sides signed ...": the sides of the meeting told before
        return sides[0] || sides[1] || cues.has("two_sides", rest) || !doc.personsOf(s.index()).isEmpty()
                || doc.placesOf(s.index()).stream().anyMatch(p -> !p.dateline()) || namesSomeoneBefore(doc, s);
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

    /** A meeting with another country's side and no Chinese one ("talks with Laos's Phongsaly province"). */
    private boolean thirdCountryOnly(ArticleDoc doc, Sentence s) {
        return cues.has("third_country", s.folded()) && !sides(doc, s.start(), s.end())[0];
    }

    /** "X also met Y": a further meeting of the visit with a Chinese counterpart named after the verb. */
    private boolean alsoMet(ArticleDoc doc, Sentence s) {
        Matcher m = cues.find("also", s.folded());
        return m != null && sides(doc, s.start() + m.end(), s.end())[0];
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
            boolean[] sides = sides(doc, from, item.end());
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
