package org.liaison.article.extract.stage;

import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;

/** The words that make a sentence tell an encounter, and the sides a span of the article names: shared by the encounter stage's parts. */
final class EncounterWords {

    /** Days apart within which a dated meeting belongs to the same visit as the main exchange. */
    static final int VISIT_DAYS = 14;

    private final CueBook cues;

    EncounterWords(CueBook cues) {
        this.cues = cues;
    }

    /** A meeting or joint-ceremony word in {@code folded}. */
    boolean cue(String folded) {
        return cues.has("meeting", folded) || cues.has("ceremony", folded);
    }

    /** The first meeting or ceremony word in {@code folded}, or null. */
    Matcher firstCue(String folded) {
        Matcher meeting = cues.find("meeting", folded);
        Matcher ceremony = cues.find("ceremony", folded);
        return meeting == null || ceremony != null && ceremony.start() < meeting.start() ? ceremony : meeting;
    }

    /** Whether the span names a Chinese and a Vietnamese actor: {cn, vn}, by persons, places or words of each side. */
    boolean[] sides(ArticleDoc doc, int from, int to) {
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
}
