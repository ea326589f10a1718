package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.LocalityRef;
import org.liaison.text.AliasKey;

/**
 * Who took part: for the main exchange the people of its focus and sentences, those listed as
 * present, and known people near the lead, unless a sentence only recalls or conveys; for a
 * further exchange the people of its clause, and the main exchange's people it names by a short
 * form ("... where Thang had a meeting").
 */
final class ParticipantChooser {

    /** A word boundary, tested at one position (see {@link #capitalisedWordAt}). */
    private static final Pattern BOUNDARY = Pattern.compile("\\b");
    /** What opens a headline link in a list of related articles ("• …", "» …", "- …"). */
    private static final Pattern LINK_BULLET = Pattern.compile("[•·»›►▶▪◦■●○*+\\-–]");
    /** A line longer than this without a bullet is prose, not a headline. */
    private static final int HEADLINE_MAX = 160;
    /** How many lines above a mention a related-news heading is looked for. */
    private static final int LINK_LIST_LINES = 12;

    private final CueBook cues;
    private final TitleReader titles;
    private final Gazetteer gazetteer;
    private final PassingMentions passing;
    private final DelegationHeads delegations = new DelegationHeads();

    ParticipantChooser(CueBook cues, TitleReader titles, Gazetteer gazetteer, PassingMentions passing) {
        this.cues = cues;
        this.titles = titles;
        this.gazetteer = gazetteer;
        this.passing = passing;
    }

    /** Per article: whether a mention is only in passing or in a list of links (each mention's, worked out once for all exchanges). */
    private record Standing(ParticipantChooser chooser) {
    }

    /** Per article: the mentions of each name, in order. */
    private record MentionsByName(ParticipantChooser chooser) {
    }

    Participants choose(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        List<PersonMention> chosen = new ArrayList<>();
        Map<PersonMention, Boolean> aside = doc.remember(new Standing(this), HashMap::new);
        // a further exchange takes the people of its clause, and of the sentence that goes on telling it
        Sentence goesOn = scope instanceof ClauseScope clause ? goesOn(doc, clause) : null;
        List<PersonMention> candidates = scope instanceof MainScope ? doc.persons()
                : doc.personsStartingIn(scope.focusStart(), goesOn != null ? goesOn.end() : scope.focusEnd());
        for (PersonMention p : candidates) {
            Boolean notTakingPart = aside.get(p);
            if (notTakingPart == null) {
                // greetings conveyed, perceptions cited, on whose behalf: a mention, not a part taken;
                // "Related news / • Deputy FM receives Ambassador X": another article's headline
                notTakingPart = passing.passing(doc, p) || inLinkList(doc, p);
                aside.put(p, notTakingPart);
            }
            if (notTakingPart) {
                continue;
            }
            if (scope instanceof MainScope main ? takesPart(doc, main, p)
                    : scope.inFocus(p.start()) || goesOn != null && p.sentence() == goesOn.index() && (p.known() || !p.title().isEmpty())) {
                chosen.add(p);
            }
        }
        Map<String, List<PersonMention>> byName = doc.remember(new MentionsByName(this), () -> {
            Map<String, List<PersonMention>> m = new HashMap<>();
            doc.persons().forEach(p -> m.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
            return m;
        });
        Map<String, ExtractedExchange.Participant> participants = new LinkedHashMap<>();
        Map<String, String> localities = new HashMap<>();
        for (PersonMention p : chosen) {
            if (participants.containsKey(p.name())) {
                continue;
            }
            String t = titles.titleOf(doc, p);
            for (PersonMention other : byName.get(p.name())) {
                if (t == null && other != p) {
                    t = titles.titleOf(doc, other);
                }
            }
            String loc = titles.localityOf(doc, p, t);
            participants.put(p.name(), new ExtractedExchange.Participant(p.name(), p.side(), t, null,
                    loc == null ? null : LocalityRef.of(gazetteer.byCode(loc))));
            if (loc != null) {
                localities.put(p.name(), loc);
            }
            evidence.add(doc.evidence("participants", p.start(), p.end()));
        }
        if (scope instanceof ClauseScope clause) {
            namedByShortForm(doc, clause, goesOn != null ? goesOn.end() : clause.focusEnd(), participants);
            ledByMainHead(doc, clause, participants, localities, byName);
        }
        return new Participants(chosen, participants, localities);
    }

    /**
     * The sentence after a further exchange's clause that goes on telling it, whose titled people took part in it ("Following
     * the reception, the two sides signed a memorandum. The document was signed by A and B", "... đoàn đã làm việc với Học
     * viện. Đồng chí X, Phó Viện trưởng, giới thiệu ..."): the clause runs to its sentence's end, and the next sentence is
     * no exchange's own (main or further) and does not turn to another time. None for a recall, told in passing.
     */
    private Sentence goesOn(ArticleDoc doc, ClauseScope clause) {
        Sentence s = clause.sentence();
        if (clause.link() == Encounters.Link.RECALLED || clause.focusEnd() < s.end() - 1 || s.index() + 1 >= doc.sentences().size()) {
            return null;
        }
        Sentence next = doc.sentence(s.index() + 1);
        Encounters e = doc.encounters();
        // the main exchange's core holds its focus sentence
        if (e == null || e.main() != null && e.main().has(next)
                || e.clauses().stream().anyMatch(c -> c.sentence() == next.index())
                || doc.sentenceHas(cues, "earlier", next) || doc.sentenceHas(cues, "another_day", next)) {
            return null;
        }
        return next;
    }

    /**
     * The mention stands in a list of links to other articles: its line, or a line above it reached over only headline
     * lines (short, or opened by a bullet), is a heading such as "Related news" / "TIN LIÊN QUAN" (cue {@code page_noise}).
     * A paragraph of prose in between ends the search, so a heading the page puts before the article keeps its people.
     */
    private boolean inLinkList(ArticleDoc doc, PersonMention p) {
        String t = doc.folded().text;
        int lineStart = lineStartBefore(t, p.start());
        int lineEnd = lineEndAfter(t, p.end());
        // the answer depends on the mention's line only: the mentions of one line share it
        Map<Long, Boolean> known = doc.remember(new LinkListLine(this), HashMap::new);
        return known.computeIfAbsent(((long) lineStart << 32) | (lineEnd & 0xffffffffL), k -> inLinkList(doc, t, lineStart, lineEnd));
    }

    /** Per article: whether the lines above a line [start, end) (packed in a long) make it an item of a list of links. */
    private record LinkListLine(ParticipantChooser chooser) {
    }

    private boolean inLinkList(ArticleDoc doc, String t, int firstLineStart, int firstLineEnd) {
        int lineStart = firstLineStart;
        int lineEnd = firstLineEnd;
        // each scan is bounded by HEADLINE_MAX, so that a long text without line breaks costs no more than its mentions
        for (int lines = 0; lines < LINK_LIST_LINES && lineStart >= 0 && lineEnd >= 0; lines++) {
            String line = t.substring(lineStart, lineEnd).strip();
            if (!line.isEmpty()) {
                if (pageNoise(doc, line, lineStart, lineEnd)) {
                    return true;
                }
                if (line.length() > HEADLINE_MAX && !LINK_BULLET.matcher(line).lookingAt()) {
                    return false;
                }
            }
            if (lineStart == 0) {
                return false;
            }
            lineEnd = lineStart - 1;
            lineStart = lineStartBefore(t, lineEnd);
        }
        return false;
    }

    /** Per article: whether the line [start, end) (the two packed in a long) is a related-news heading. */
    private record LineNoise(ParticipantChooser chooser) {
    }

    /** The {@code page_noise} cue in a line, read once per line: the mentions below it each look up to 12 lines back. */
    private boolean pageNoise(ArticleDoc doc, String line, int lineStart, int lineEnd) {
        Map<Long, Boolean> known = doc.remember(new LineNoise(this), HashMap::new);
        return known.computeIfAbsent(((long) lineStart << 32) | (lineEnd & 0xffffffffL), k -> cues.has("page_noise", line));
    }

    /** Where the line holding offset {@code at} starts, or -1 if it starts more than a headline's length before. */
    private static int lineStartBefore(String t, int at) {
        for (int k = at; k > 0 && at - k <= HEADLINE_MAX; k--) {
            if (t.charAt(k - 1) == '\n') {
                return k;
            }
        }
        return at <= HEADLINE_MAX ? 0 : -1;
    }

    /** Where the line holding offset {@code at} ends, or -1 if it ends more than a headline's length after. */
    private static int lineEndAfter(String t, int at) {
        for (int k = at; k < t.length() && k - at <= HEADLINE_MAX; k++) {
            if (t.charAt(k) == '\n') {
                return k;
            }
        }
        return t.length() - at <= HEADLINE_MAX ? t.length() : -1;
    }

    private boolean takesPart(ArticleDoc doc, MainScope scope, PersonMention p) {
        Sentence s = doc.sentence(p.sentence());
        boolean inFocus = scope.inFocus(p.start());
        // the cues of a sentence are read once for all the mentions in it
        boolean recalls = doc.sentenceHas(cues, "earlier", s);
        boolean afterFocus = p.sentence() == scope.focusSentence() && p.start() >= scope.focusEnd();
        boolean inCore = scope.has(s) && (p.sentence() != scope.focusSentence() || p.start() < scope.focusEnd()) && !recalls;
        // the report moves on to another exchange: who is named from its sentence on is that one's ("Cùng ngày, X hội kiến ...")
        boolean near = p.start() >= scope.focusStart() && p.sentence() <= scope.focusSentence() + 8 && p.sentence() < nextExchangeSentence(doc, scope)
                && !recalls && !afterFocus;
        // "… opened on May 5 with the participation of A, …; B, …": a list of attendees after the focus, in its sentence
        boolean listed = passing.listedAsAttending(doc, p);
        boolean present = near && (doc.sentenceHas(cues, "present", s) || listed) || afterFocus && listed && !recalls;
        boolean background = !inFocus && doc.sentenceHas(cues, "background", s);
        // known people near the lead take part unless the sentence only recalls or conveys;
        // names found by title patterns only where the encounter or the attendance is told
        return !background && (inFocus || inCore || present || (p.known() || !p.title().isEmpty()) && near);
    }

    /** The first sentence after the main exchange's focus that tells another meeting of the visit, or the end of the text. */
    private int nextExchangeSentence(ArticleDoc doc, MainScope scope) {
        // asked for every mention of the article: worked out once
        return doc.remember(new NextExchange(this), () -> {
            Encounters e = doc.encounters();
            if (e != null) {
                for (Encounters.Clause c : e.clauses()) {
                    // a recalled encounter is an aside: the report goes on with the main one after it
                    if (c.sentence() > scope.focusSentence() && c.link() != Encounters.Link.RECALLED && !scope.has(doc.sentence(c.sentence()))) {
                        return c.sentence();
                    }
                }
            }
            return Integer.MAX_VALUE;
        });
    }

    /** Per article: the sentence {@link #nextExchangeSentence} found. */
    private record NextExchange(ParticipantChooser chooser) {
    }

    /**
     * "... where Thang had a meeting", "Chinh held talks with …", "in the presence of Tung and Huang" (in the sentence
     * that goes on telling the clause, up to {@code end}): a main participant named by the short form of the name (a
     * Vietnamese given name, a Chinese family name), capitalised, written with or without diacritics.
     */
    private static void namedByShortForm(ArticleDoc doc, ClauseScope clause, int end, Map<String, ExtractedExchange.Participant> byName) {
        Folded f = doc.folded();
        String folded = f.text.substring(clause.focusStart(), end);
        for (ExtractedExchange.Participant p : clause.main().participants()) {
            String[] parts = p.name().split(" ");
            String shortName = AliasKey.fold(p.side().equals("VN") ? parts[parts.length - 1] : parts[0]);
            if (!byName.containsKey(p.name()) && capitalisedWordAt(f, folded, clause.focusStart(), shortName)) {
                byName.put(p.name(), new ExtractedExchange.Participant(p.name(), p.side(), p.titles(), null, null));
            }
        }
    }

    /**
     * "Ngày 13/7, đoàn đã làm việc với …": a further exchange of the delegation on another day of its trip names no one
     * of it, yet its head, named as such where the main exchange is told, leads this stop too. Side talks "on the
     * occasion" of the main one, with no day of their own, may be held by other members: no one is taken over there;
     * a stop told as later the same day ("Chiều cùng ngày, đoàn ...") is the delegation's next one, its head's too.
     */
    private void ledByMainHead(ArticleDoc doc, ClauseScope clause, Map<String, ExtractedExchange.Participant> byName,
            Map<String, String> localities, Map<String, List<PersonMention>> mentionsByName) {
        // "Chiều cùng ngày, đoàn công tác đã làm việc với ...": the delegation's next stop that day is its head's too
        boolean nextStop = anotherDay(doc, clause) || clause.link() == Encounters.Link.SAME_DAY;
        if (!delegations.namesDelegation(doc, clause.focusStart(), clause.focusEnd()) || !nextStop) {
            return;
        }
        for (ExtractedExchange.Participant p : clause.main().participants()) {
            if (byName.containsKey(p.name())) {
                continue;
            }
            for (PersonMention m : mentionsByName.getOrDefault(p.name(), List.of())) {
                if (m.start() < clause.focusStart() && delegations.heads(doc, m)) {
                    byName.put(p.name(), new ExtractedExchange.Participant(p.name(), p.side(), p.titles(), null, p.locality()));
                    if (p.locality() != null) {
                        localities.put(p.name(), p.locality().code()); // the head acts for the same locality as at the main exchange
                    }
                    break;
                }
            }
        }
    }

    /** The clause's sentence names a day other than the main exchange's. */
    private boolean anotherDay(ArticleDoc doc, ClauseScope clause) {
        if (cues.has("another_day", clause.sentence().folded())) {
            return true; // "The following day, the delegation worked with ...", "On Wednesday, the delegation held talks"
        }
        // the clause's own sentence, and the one before it that the clause takes in ("Sáng 13/5, đoàn đến thăm tỉnh Quảng Ninh.
        // Tại TP Hạ Long, đồng chí X đã tiếp đoàn")
        if (clause.main().date() == null) {
            return false;
        }
        List<DateMention> told = new ArrayList<>(doc.datesOf(clause.sentence().index()));
        doc.datesStartingIn(clause.focusStart(), clause.focusEnd()).stream().filter(d -> d.end() <= clause.focusEnd()).forEach(told::add);
        return told.stream().anyMatch(d -> !d.date().toString().equals(clause.main().date()));
    }

    /** {@code word} occurs in the folded {@code text} (starting at folded offset {@code base}) as a word capitalised in the original. */
    private static boolean capitalisedWordAt(Folded f, String text, int base, String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            if (boundaryAt(text, i) && boundaryAt(text, i + word.length()) && Character.isUpperCase(f.original.charAt(f.start(base + i)))
                    && !capitalisedWordAfter(f, text, base, i + word.length())) {
                return true;
            }
        }
        return false;
    }

    /** "Việt Nam", "Huang Kunming": a capitalised word right after, one space on, makes the word part of a longer name. */
    private static boolean capitalisedWordAfter(Folded f, String text, int base, int end) {
        return end + 1 < text.length() && text.charAt(end) == ' ' && Character.isLetter(text.charAt(end + 1))
                && Character.isUpperCase(f.original.charAt(f.start(base + end + 1)));
    }

    private static boolean boundaryAt(String text, int i) {
        return BOUNDARY.matcher(text).region(i, i).useTransparentBounds(true).lookingAt();
    }
}
