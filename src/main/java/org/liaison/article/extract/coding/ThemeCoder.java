package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.Regions;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.ThemeLexicon;

/**
 * The themes (codebook 4): what the sides discussed, read from the exchange's own text — the
 * article body for the main exchange, the clause for a further one — leaving out the wordings
 * that only name a body or a post. The body is read without the page furniture before the date
 * line and after the start of the related-news block, without the clauses that report further
 * exchanges, and without the reporter's background: a sentence on what the sides did in earlier
 * years counts only when it or the sentence before it reports what a side said or reviewed
 * ("Over the past years, the provinces have ..., he said").
 */
final class ThemeCoder {

    private final ThemeLexicon lexicon;
    private final CueBook cues;

    /** The wordings a match of which stays one in a wider region ({@link Regions#widenable}). */
    private final Set<ThemeLexicon.Wording> widenable = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    ThemeCoder(ThemeLexicon lexicon, CueBook cues) {
        this.lexicon = lexicon;
        this.cues = cues;
        lexicon.wordings.stream().filter(w -> Regions.widenable(w.pattern())).forEach(widenable::add);
    }

    List<String> code(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        List<int[]> spans = spans(doc, scope);
        if (spans.isEmpty()) {
            return List.of();
        }
        Masks masks = new Masks(lexicon, doc, spans.get(0)[0], spans.get(spans.size() - 1)[1]);
        Set<String> found = new LinkedHashSet<>();
        for (ThemeLexicon.Wording w : lexicon.wordings) {
            if (found.contains(w.theme()) || !ThemeLexicon.applies(w.language(), doc.language())) {
                continue;
            }
            Matcher m = w.pattern().matcher(doc.text()).useTransparentBounds(true);
            // one search over the rest of the text says which span may hold the next match (see Regions): the spans
            // before it hold none, and when the text holds none the wording is done with
            Matcher ahead = widenable.contains(w) ? w.pattern().matcher(doc.text()).useTransparentBounds(true) : null;
            int last = spans.get(spans.size() - 1)[1];
            for (int k = 0; k < spans.size(); k++) {
                if (ahead != null) {
                    if (!ahead.region(spans.get(k)[0], last).find()) {
                        break;
                    }
                    while (k < spans.size() && spans.get(k)[1] <= ahead.start()) {
                        k++;
                    }
                    if (k == spans.size()) {
                        break;
                    }
                    if (ahead.start() >= spans.get(k)[0] && ahead.end() <= spans.get(k)[1] && !masks.covers(ahead.start())) {
                        // the match lies within the span: the span's own search would find the same one first
                        found.add(w.theme());
                        evidence.add(doc.evidence("themes", ahead.start(), ahead.end()));
                        break;
                    }
                }
                if (first(m, spans.get(k), masks)) {
                    found.add(w.theme());
                    evidence.add(doc.evidence("themes", m.start(), m.end()));
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    /** Finds in the span the first match that no mask covers. */
    private static boolean first(Matcher m, int[] span, Masks masks) {
        m.region(span[0], span[1]);
        while (m.find()) {
            if (!masks.covers(m.start())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exchange's text as folded-text spans in order: a further exchange's clause and, when it
     * is told in a sentence of its own ("The same day, X received Y."), the sentences after it up
     * to the next further exchange — what the sides said at that meeting; the main exchange's text
     * is the body less those stretches.
     */
    private List<int[]> spans(ArticleDoc doc, Scope scope) {
        List<int[]> out = new ArrayList<>();
        List<Encounters.Clause> clauses = doc.encounters() == null ? List.of() : doc.encounters().clauses();
        // the sentences that hold a further exchange, and each sentence's clauses in order
        TreeSet<Integer> clauseSentences = new TreeSet<>();
        Map<Integer, List<Encounters.Clause>> clausesOf = new HashMap<>();
        for (Encounters.Clause c : clauses) {
            clauseSentences.add(c.sentence());
            clausesOf.computeIfAbsent(c.sentence(), k -> new ArrayList<>()).add(c);
        }
        int pageEnd = pageEnd(doc, scope.focusEnd());
        if (scope instanceof ClauseScope) {
            out.add(new int[] { scope.focusStart(), scope.focusEnd() });
            for (Encounters.Clause c : clauses) {
                if (c.start() == scope.focusStart() && c.end() == scope.focusEnd()) {
                    for (Sentence s : followers(doc, c, clauseSentences, pageEnd)) {
                        if (!background(doc, s)) {
                            out.add(new int[] { s.start(), Math.min(s.end(), pageEnd) });
                        }
                    }
                }
            }
            return out;
        }
        Set<Integer> told = new HashSet<>();
        for (Encounters.Clause c : clauses) {
            followers(doc, c, clauseSentences, pageEnd).forEach(s -> told.add(s.index()));
        }
        for (Sentence s : doc.sentences()) {
            if (s.end() <= doc.publicationLineEnd() || background(doc, s) || told.contains(s.index())) {
                continue;
            }
            if (s.start() >= pageEnd) {
                break;
            }
            int start = s.start();
            for (Encounters.Clause c : clausesOf.getOrDefault(s.index(), List.of())) {
                if (c.end() > start) {
                    if (c.start() > start) {
                        out.add(new int[] { start, c.start() });
                    }
                    start = Math.max(start, c.end());
                }
            }
            if (start < Math.min(s.end(), pageEnd)) {
                out.add(new int[] { start, Math.min(s.end(), pageEnd) });
            }
        }
        return out;
    }

    /**
     * The sentences that go on telling a further exchange told in a sentence of its own: those
     * after it until the next further exchange's sentence or the page's end. None for a recalled
     * encounter or a list item, which are a clause within a sentence about something else.
     */
    private static List<Sentence> followers(ArticleDoc doc, Encounters.Clause c, TreeSet<Integer> clauseSentences, int pageEnd) {
        Sentence own = doc.sentence(c.sentence());
        if (c.link() == Encounters.Link.RECALLED || c.link() == Encounters.Link.LISTED || c.start() > own.start()
                || c.end() < own.end()) {
            return List.of();
        }
        Integer after = clauseSentences.higher(c.sentence());
        int next = after == null ? doc.sentences().size() : Math.min(doc.sentences().size(), after);
        List<Sentence> out = new ArrayList<>();
        for (int i = c.sentence() + 1; i < next && doc.sentence(i).start() < pageEnd; i++) {
            out.add(doc.sentence(i));
        }
        return out;
    }

    /**
     * Where the related-news block after the focus starts: the first line from {@code from} on that opens the page's other
     * items (cue {@code page_noise}, as for the other stages), or the end of the text. Every exchange of the article asks;
     * the first such line from an offset on is the same for every offset up to it, so the lines are read again only from
     * beyond the last answer.
     */
    private int pageEnd(ArticleDoc doc, int from) {
        String text = doc.text();
        PageEndSearch last = doc.remember(new PageEndOf(this), PageEndSearch::new);
        if (last.from < 0 || from < last.from || from > last.found) {
            last.from = from;
            last.found = text.length();
            int lineStart = from <= 0 ? 0 : nextLine(text, from - 1);
            while (lineStart >= 0) {
                int lineEnd = text.indexOf('\n', lineStart);
                if (cues.has("page_noise", text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd))) {
                    last.found = lineStart;
                    break;
                }
                lineStart = lineEnd < 0 ? -1 : lineEnd + 1;
            }
        }
        return last.found;
    }

    /** The start of the line after the first line break at or after {@code i}, or -1. */
    private static int nextLine(String text, int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? -1 : nl + 1;
    }

    /** Per article: the last search for the page end. */
    private record PageEndOf(ThemeCoder coder) {
    }

    /** A search for a page end from {@code from} to the text's end, and the start of the line found (the text's length if none). */
    private static final class PageEndSearch {
        int from = -1;
        int found;
    }

    /** The reporter's account of earlier years: a background cue, and no side speaking in it or in the sentence before. */
    private boolean background(ArticleDoc doc, Sentence s) {
        String text = doc.text();
        if (!ThemeLexicon.any(lexicon.backgroundCues, doc.language(), text, s.start(), s.end())) {
            return false;
        }
        int from = s.index() > 0 ? doc.sentence(s.index() - 1).start() : s.start();
        return !ThemeLexicon.any(lexicon.discussionCues, doc.language(), text, from, s.end());
    }
}
