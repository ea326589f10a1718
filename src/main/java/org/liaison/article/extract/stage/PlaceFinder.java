package org.liaison.article.extract.stage;

import java.util.List;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.NameIndex;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.Stage;
import org.liaison.gazetteer.Locality;

/** The gazetteer units the text names (capitalised names only), and which of them is the dispatch's dateline. */
public final class PlaceFinder implements Stage {

    private static final Pattern DATELINE_BEFORE = Pattern.compile("[\\p{L} ,.()/-]*");
    private static final Pattern DATELINE_AFTER = Pattern.compile("(?s)^\\s*(\\([^)]{2,12}\\)\\s*)?(-|--|–|—|,\\s*("
            + CalendarWords.MONTHS + ")).*");

    private final NameIndex<List<Locality>> placeNames;
    private final CueBook cues;

    public PlaceFinder(NameIndex<List<Locality>> placeNames, CueBook cues) {
        this.placeNames = placeNames;
        this.cues = cues;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        for (NameIndex.Hit<List<Locality>> hit : placeNames.hits(doc.folded(), 1, true)) {
            doc.places().add(new PlaceMention(pick(doc, hit.value(), hit.start()), hit.start(), hit.end(),
                    doc.sentenceAt(hit.start()), isDateline(doc, hit.start(), hit.end())));
        }
    }

    /** A name both countries use: the country named nearest decides. */
    private Locality pick(ArticleDoc doc, List<Locality> hits, int at) {
        if (hits.size() == 1) {
            return hits.get(0);
        }
        String text = doc.text();
        String around = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
        String country = cues.has("cn", around) && !around.contains("viet") ? "CN" : "VN";
        return hits.stream().filter(l -> l.country().equals(country)).findFirst().orElse(hits.get(0));
    }

    /** "BEIJING, Dec. 30 (Xinhua) --", "Hà Nội (TTXVN) -": a capitalised place at the start of a line, before a dash. */
    private static boolean isDateline(ArticleDoc doc, int start, int end) {
        String text = doc.text();
        Folded f = doc.folded();
        Sentence s = doc.sentence(doc.sentenceAt(start));
        int lineStart = text.lastIndexOf('\n', start) + 1;
        String before = text.substring(Math.max(lineStart, s.start()), start);
        if (before.length() > 25 || !DATELINE_BEFORE.matcher(before).matches()) {
            return false;
        }
        String after = text.substring(end, Math.min(text.length(), end + 40));
        return DATELINE_AFTER.matcher(after).matches() && Character.isUpperCase(f.original.charAt(f.start(start)));
    }
}
