package org.liaison.article.extract.stage;

import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.NameIndex;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.Stage;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;

/**
 * The gazetteer units the text names (capitalised names only), and which of them is the dispatch's dateline.
 * Besides the gazetteer's running-text names: a county or district written the Vietnamese way, unit word
 * first ("huyện Mường Tè", "TP Móng Cái", "thị xã Đông Hưng", "châu Hồng Hà"), counts for its unit; the
 * mention spans the name only, so what stands before it (the unit word, "Bí thư Huyện ủy") stays context.
 * And a possessive "Cao Bang's Quang Hoa district" names Cao Bằng.
 */
public final class PlaceFinder implements Stage {

    private static final Pattern DATELINE_BEFORE = Pattern.compile("[\\p{L} ,.()/-]*");
    private final Pattern datelineAfter;
    /** Vietnamese unit words that stand before a county-level name (folded tokens, one or two). */
    private final Pattern unitWords;
    /** The unit words of a district or county only (never of a province): "huyện", "quận", "thị xã". */
    private final Pattern districtWords;
    /** Beside a name both countries use, a word that keeps it Vietnamese. */
    private final Pattern vietnamNear;
    private static final int MAX_NAME_TOKENS = 3;
    /** The unit word after a county-level name in English ("Maguan County"), on folded text. */
    private static final Pattern COUNTY_WORD_AFTER = Pattern.compile("\\s+(?:county|district|city|town|banner)$");
    /** How far into its line a dateline's place may stand ("BEIJING, " is at its start; "Hà Nội (TTXVN) -" too). */
    private static final int DATELINE_INDENT = 25;

    private final NameIndex<List<Locality>> placeNames;
    private final Gazetteer gazetteer;
    private final CueBook cues;

    public PlaceFinder(NameIndex<List<Locality>> placeNames, Gazetteer gazetteer, CueBook cues, RuleBook rules) {
        this.placeNames = placeNames;
        this.gazetteer = gazetteer;
        this.cues = cues;
        this.datelineAfter = rules.pattern("places.dateline_after");
        this.unitWords = rules.pattern("places.unit_words");
        this.districtWords = rules.pattern("places.district_words");
        this.vietnamNear = rules.pattern("places.vietnam_near");
    }

    /** The places found so far by where they stand: the characters they cover, and where the first one starting at an offset is. */
    private static final class Found {
        final BitSet covered = new BitSet();
        final Map<Integer, Integer> firstStartingAt = new HashMap<>();
    }

    @Override
    public void annotate(ArticleDoc doc) {
        Found found = new Found();
        for (int k = 0; k < doc.places().size(); k++) {
            note(found, doc.places().get(k), k);
        }
        for (NameIndex.Hit<List<Locality>> hit : placeNames.hits(doc.folded(), 1, true, doc::sentenceEndsBetween)) {
            add(doc, found, hit.value(), hit.start(), hit.end());
        }
        Folded f = doc.folded();
        List<Folded.Token> tokens = f.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            int nameAt = unitWordEnd(tokens, i);
            if (nameAt > i && nameAt < tokens.size()) {
                unitWordFirst(doc, found, tokens, nameAt);
            }
            if (tokens.get(i).text().endsWith("'s")) {
                possessive(doc, found, tokens, i);
            }
        }
        namedBareAfterward(doc, found, tokens);
        doc.places().sort(Comparator.comparingInt(PlaceMention::start));
    }

    /**
     * "the CPC Maguan County Committee ... held talks in Maguan": a county the article has named with its unit word
     * ("Maguan County", "huyện Mường Tè") stands bare elsewhere in it too. Bare county names count nowhere else: too
     * many are common words or people's names.
     */
    private void namedBareAfterward(ArticleDoc doc, Found found, List<Folded.Token> tokens) {
        Map<String, Locality> counties = new HashMap<>();
        Folded f = doc.folded();
        for (PlaceMention p : List.copyOf(doc.places())) {
            String bare = COUNTY_WORD_AFTER.matcher(f.text.substring(p.start(), p.end())).replaceFirst("");
            if (!bare.isBlank() && placeNames.get(bare) == null
                    && gazetteer.resolve(f.originalSpan(p.start(), p.start() + bare.length()), p.locality().country()).candidates().contains(p.locality())) {
                counties.putIfAbsent(bare, p.locality());
            }
        }
        if (counties.isEmpty()) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder key = new StringBuilder();
            for (int n = 1; n <= MAX_NAME_TOKENS && i + n <= tokens.size(); n++) {
                key.append(n == 1 ? "" : " ").append(tokens.get(i + n - 1).text());
                Locality unit = counties.get(key.toString());
                int start = tokens.get(i).start();
                int end = tokens.get(i + n - 1).end();
                if (unit != null && capitalisedWords(f, tokens, i, n) && found.covered.get(start, end).isEmpty()
                        && !doc.text().substring(start, end).contains("\n")) {
                    add(doc, found, List.of(unit), start, end);
                    break;
                }
            }
        }
    }

    private void add(ArticleDoc doc, Found found, List<Locality> units, int start, int end) {
        PlaceMention p = new PlaceMention(pick(doc, units, start), start, end, doc.sentenceAt(start), isDateline(doc, start, end));
        doc.places().add(p);
        note(found, p, doc.places().size() - 1);
    }

    private static void note(Found found, PlaceMention p, int position) {
        found.covered.set(p.start(), p.end());
        found.firstStartingAt.putIfAbsent(p.start(), position);
    }

    /** The index of the name's first token after a unit word starting at {@code i} ("thị xã" has two), or {@code i}. */
    private int unitWordEnd(List<Folded.Token> tokens, int i) {
        String one = tokens.get(i).text();
        if (i + 1 < tokens.size() && unitWords.matcher(one + " " + tokens.get(i + 1).text()).matches()) {
            return i + 2;
        }
        return unitWords.matcher(one).matches() ? i + 1 : i;
    }

    /** "huyện Mường Tè": the longest capitalised name after the unit word that the gazetteer resolves to one unit. */
    private void unitWordFirst(ArticleDoc doc, Found found, List<Folded.Token> tokens, int at) {
        Folded f = doc.folded();
        int start = tokens.get(at).start();
        if (!Character.isUpperCase(f.original.charAt(f.start(start)))) {
            return;
        }
        if (found.covered.get(start)) {
            countyNotProvince(doc, found, tokens, at, start);
            return;
        }
        for (int n = Math.min(MAX_NAME_TOKENS, tokens.size() - at); n >= 1; n--) {
            int end = tokens.get(at + n - 1).end();
            if (!capitalisedWords(f, tokens, at, n) || doc.text().substring(start, end).contains("\n")) {
                continue;
            }
            Gazetteer.Lookup lookup = gazetteer.resolve(f.originalSpan(start, end), null);
            if (lookup.found() && gazetteer.isPlaceName(f.originalSpan(start, end))) {
                add(doc, found, lookup.candidates(), start, end);
                return;
            }
        }
    }

    /**
     * "huyện Trùng Khánh" is Cao Bằng's district, not Chongqing: a province is never called by a district word, so a
     * province matched right after one gives way to the district of that name (of either country).
     */
    private void countyNotProvince(ArticleDoc doc, Found found, List<Folded.Token> tokens, int at, int start) {
        String word = tokens.get(at - 1).text();
        if (at >= 2 && word.equals("uy")) {
            word = tokens.get(at - 2).text() + " uy"; // "Huyện ủy Trùng Khánh": the district's Party committee
        }
        Integer position = found.firstStartingAt.get(start);
        PlaceMention hit = position == null ? null : doc.places().get(position);
        if (hit == null || !hit.locality().level().equals("province") || !districtWords.matcher(word).matches()) {
            return;
        }
        String name = doc.folded().originalSpan(start, hit.end());
        for (String country : List.of("VN", "CN")) {
            for (Locality l : gazetteer.resolve(name, country).candidates()) {
                if (!l.code().equals(hit.locality().code())) {
                    doc.places().set(position, new PlaceMention(l, hit.start(), hit.end(), hit.sentence(), hit.dateline()));
                    return;
                }
            }
        }
    }

    /** "Cao Bang's": a unit's name with a possessive, which the name index (whole tokens) misses. */
    private void possessive(ArticleDoc doc, Found found, List<Folded.Token> tokens, int last) {
        Folded f = doc.folded();
        for (int n = Math.min(MAX_NAME_TOKENS, last + 1); n >= 1; n--) {
            int first = last - n + 1;
            StringBuilder key = new StringBuilder();
            for (int k = first; k <= last; k++) {
                String t = tokens.get(k).text();
                key.append(k == first ? "" : " ").append(k == last ? t.substring(0, t.length() - 2) : t);
            }
            int start = tokens.get(first).start();
            List<Locality> units = placeNames.get(key.toString());
            if (units != null && capitalisedWords(f, tokens, first, n) && !found.covered.get(start)) {
                add(doc, found, units, start, tokens.get(last).end() - 2);
                return;
            }
        }
    }

    private static boolean capitalisedWords(Folded f, List<Folded.Token> tokens, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (!Character.isUpperCase(f.original.charAt(f.start(tokens.get(k).start())))) {
                return false;
            }
        }
        return true;
    }

    /** A name both countries use: the country named nearest decides. */
    private Locality pick(ArticleDoc doc, List<Locality> hits, int at) {
        if (hits.size() == 1) {
            return hits.get(0);
        }
        String text = doc.text();
        String around = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
        String country = cues.has("cn", around) && !vietnamNear.matcher(around).find() ? "CN" : "VN";
        return hits.stream().filter(l -> l.country().equals(country)).findFirst().orElse(hits.get(0));
    }

    /**
     * "BEIJING, Dec. 30 (Xinhua) --", "Hà Nội (TTXVN) -": a capitalised place at the start of a line, before a dash, at
     * most {@value #DATELINE_INDENT} characters into its line and sentence (so only that far is looked back at).
     */
    private boolean isDateline(ArticleDoc doc, int start, int end) {
        String text = doc.text();
        Folded f = doc.folded();
        Sentence s = doc.sentence(doc.sentenceAt(start));
        int lineStart = Math.max(s.start(), start - DATELINE_INDENT - 1);
        for (int k = start; k > lineStart; k--) {
            if (text.charAt(k - 1) == '\n') {
                lineStart = k;
                break;
            }
        }
        if (start - lineStart > DATELINE_INDENT) {
            return false;
        }
        String before = text.substring(lineStart, start);
        if (!DATELINE_BEFORE.matcher(before).matches()) {
            return false;
        }
        String after = text.substring(end, Math.min(text.length(), end + 40));
        return datelineAfter.matcher(after).matches() && Character.isUpperCase(f.original.charAt(f.start(start)));
    }
}
