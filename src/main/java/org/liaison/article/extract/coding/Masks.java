package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ThemeLexicon;

/**
 * The spans of a stretch of the folded text where a theme's wording names something else: a
 * body or post (only when capitalised in the original, so "Bộ Y tế" masks but "bàn về y tế" does
 * not), a photo caption, a briefing's "socio-economic development".
 *
 * <p>Each mask's matches are found in order from the stretch's start, and only as far as an offset
 * is asked about: a match starting after an offset cannot cover it, so the stretch of a long article
 * beyond the last match a theme's wording needs checked is never read.
 */
final class Masks {

    private final int from;
    private final BitSet covered = new BitSet();
    private final ArticleDoc doc;
    private final List<ThemeLexicon.Mask> masks = new ArrayList<>();
    private final List<Matcher> matchers = new ArrayList<>();
    /** Per mask: the start of the last match found (-1 before the first), or MAX_VALUE once there are no more. */
    private final List<Integer> reached = new ArrayList<>();

    /** The masks of {@code [from, to)}, widened to the start of its first line so that line-anchored masks see it. */
    Masks(ThemeLexicon lexicon, ArticleDoc doc, int from, int to) {
        String text = doc.text();
        int lineStart = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
        this.from = lineStart;
        this.doc = doc;
        for (ThemeLexicon.Mask mask : lexicon.masks) {
            if (!ThemeLexicon.applies(mask.language(), doc.language())) {
                continue;
            }
            masks.add(mask);
            matchers.add(mask.pattern().matcher(text).region(lineStart, to).useTransparentBounds(true).useAnchoringBounds(false));
            reached.add(-1);
        }
    }

    boolean covers(int foldedOffset) {
        if (foldedOffset < from) {
            return false;
        }
        for (int i = 0; i < matchers.size(); i++) {
            Matcher m = matchers.get(i);
            while (reached.get(i) <= foldedOffset) {
                if (!m.find()) {
                    reached.set(i, Integer.MAX_VALUE);
                    break;
                }
                reached.set(i, m.start());
                if (m.end() > m.start() && (!masks.get(i).capitalised() || capitalised(doc, m.start()))) {
                    covered.set(m.start() - from, m.end() - from);
                }
            }
        }
        return covered.get(foldedOffset - from);
    }

    private static boolean capitalised(ArticleDoc doc, int foldedOffset) {
        int k = doc.folded().start(foldedOffset);
        return k < doc.folded().original.length() && Character.isUpperCase(doc.folded().original.charAt(k));
    }
}
