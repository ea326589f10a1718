package org.liaison.article.extract.coding;

import java.util.BitSet;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ThemeLexicon;

/**
 * The spans of a stretch of the folded text where a theme's wording names something else: a
 * body or post (only when capitalised in the original, so "Bộ Y tế" masks but "bàn về y tế" does
 * not), a photo caption, a briefing's "socio-economic development".
 */
final class Masks {

    private final int from;
    private final BitSet covered = new BitSet();

    /** The masks of {@code [from, to)}, widened to the start of its first line so that line-anchored masks see it. */
    Masks(ThemeLexicon lexicon, ArticleDoc doc, int from, int to) {
        String text = doc.text();
        int lineStart = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
        this.from = lineStart;
        for (ThemeLexicon.Mask mask : lexicon.masks) {
            if (!ThemeLexicon.applies(mask.language(), doc.language())) {
                continue;
            }
            Matcher m = mask.pattern().matcher(text).region(lineStart, to).useTransparentBounds(true).useAnchoringBounds(false);
            while (m.find()) {
                if (m.end() > m.start() && (!mask.capitalised() || capitalised(doc, m.start()))) {
                    covered.set(m.start() - lineStart, m.end() - lineStart);
                }
            }
        }
    }

    boolean covers(int foldedOffset) {
        return foldedOffset >= from && covered.get(foldedOffset - from);
    }

    private static boolean capitalised(ArticleDoc doc, int foldedOffset) {
        int k = doc.folded().start(foldedOffset);
        return k < doc.folded().original.length() && Character.isUpperCase(doc.folded().original.charAt(k));
    }
}
