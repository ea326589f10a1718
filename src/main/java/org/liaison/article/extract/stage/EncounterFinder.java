package org.liaison.article.extract.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.DateMention;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.Stage;
import org.liaison.text.AliasKey;

/**
 * Which sentences report which encounter. The encounter sentences are those with a meeting cue
 * (not the page's date line or the title repeated); the article reports a Vietnam–China exchange
 * when both sides take part in the first of them and it is no message, multilateral forum,
 * announcement or third country's meeting. The main exchange is told by the first encounter
 * sentences and the lead; further exchanges by clauses that report a separate encounter.
 */
public final class EncounterFinder implements Stage {

    private final CueBook cues;

    public EncounterFinder(CueBook cues) {
        this.cues = cues;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        List<Sentence> events = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            if (!furniture(doc, s) && cues.has("meeting", s.folded())) {
                events.add(s);
            }
        }
        if (events.isEmpty() || !bilateral(doc, events)) {
            return;
        }
        Sentence first = events.get(0);
        List<Encounters.Clause> clauses = furtherClauses(doc, events, first);
        Set<Integer> further = new HashSet<>();
        clauses.forEach(c -> further.add(c.sentence()));
        doc.setEncounters(new Encounters(mainScope(doc, events, further), clauses));
    }

    /** The page's date line and the title repeated in the text: not the report itself. */
    public static boolean furniture(ArticleDoc doc, Sentence s) {
        if (s.end() <= doc.publicationLineEnd()) {
            return true;
        }
        String title = doc.foldedTitle();
        String t = AliasKey.fold(doc.folded().originalSpan(Math.max(s.start(), doc.publicationLineEnd()), s.end()));
        return title.length() > 10 && (t.equals(title) || t.contains(title) && t.length() < title.length() + 40);
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

    /** A Vietnam–China encounter, not a message, a multilateral forum or a third country's meeting. */
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
        if (cues.has("multilateral", lead) && !lead.contains("sidelines") && !lead.contains("ben le")) {
            return false;
        }
        String first = events.get(0).folded();
        Matcher future = cues.find("future", first);
        // an announcement, unless a meeting is reported besides ("will hold talks" is no meeting held)
        if (future != null && !cues.has("meeting", first.replace(future.group(), ""))) {
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
        return cn && vn;
    }

    /**
     * Clauses that report a separate encounter: one that starts with "Earlier"/"Trước đó" and
     * the like, one that recalls an encounter with its own full date of an earlier year near its
     * start, or the items of a list of meetings with different counterparts ("chào xã giao X;
     * hội đàm với Y").
     */
    private List<Encounters.Clause> furtherClauses(ArticleDoc doc, List<Sentence> events, Sentence first) {
        List<Encounters.Clause> out = new ArrayList<>();
        LocalDate mainDate = null;
        for (DateMention d : doc.dates()) {
            if (d.sentence() == first.index()) {
                mainDate = d.date();
                break;
            }
        }
        for (Sentence s : events) {
            if (s == first && !s.folded().contains(";")) {
                continue;
            }
            List<Encounters.Clause> items = listedMeetings(doc, s);
            if (items.size() >= 2) {
                // the first item is the main exchange when this is the first encounter sentence
                out.addAll(s == first ? items.subList(1, items.size()) : items);
                continue;
            }
            if (s == first) {
                continue;
            }
            if (cues.has("earlier", s.folded())) {
                out.add(new Encounters.Clause(s.index(), s.start(), s.end()));
                continue;
            }
            for (DateMention d : doc.dates()) {
                if (d.sentence() == s.index() && d.hasYear() && mainDate != null && d.date().getYear() < mainDate.getYear()
                        && d.start() - s.start() < 40) {
                    out.add(new Encounters.Clause(s.index(), s.start(), s.end()));
                    break;
                }
            }
        }
        return out;
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
            String cp = doc.persons().stream().filter(m -> m.side().equals("CN") && m.start() >= cs && m.start() < ce)
                    .map(PersonMention::name).findFirst().orElse(null);
            if (cp != null && counterparts.add(cp)) {
                items.add(new Encounters.Clause(s.index(), cs, ce));
            }
        }
        return items;
    }

    /** The main exchange: up to three encounter sentences not told as further exchanges, and the lead before them. */
    private static MainScope mainScope(ArticleDoc doc, List<Sentence> events, Set<Integer> further) {
        Sentence first = events.get(0);
        List<Sentence> core = new ArrayList<>();
        for (Sentence s : events) {
            if (core.size() < 3 && !further.contains(s.index()) || s == first) {
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
        Sentence lead = lead(doc);
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
