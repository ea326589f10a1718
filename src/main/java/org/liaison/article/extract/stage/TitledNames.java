package org.liaison.article.extract.stage;

import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.Surnames;
import org.liaison.text.AliasKey;

/**
 * Two to four capitalised words starting with a known family name, next to a title: "Secretary
 * Lu Xinshe", "Lu Xinshe, Secretary of ...". A title in the sentence before does not count.
 */
public final class TitledNames implements NameRecogniser {

    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'’]*(?:[ \\-]\\p{Lu}[\\p{L}'’]*){1,3}");
    private static final Pattern WORD_BREAK = Pattern.compile("[ \\-]");
    /** ", Secretary of ...", " (f), the head of ...": a title in apposition after the name. */
    private static final Pattern APPOSITION = Pattern.compile("(?s)^\\s*(\\(\\w\\))?\\s*,\\s*(the |a |an )?\\p{L}.*");

    private final Surnames surnames;
    private final NameWords words;

    public TitledNames(Surnames surnames, NameWords words) {
        this.surnames = surnames;
        this.words = words;
    }

    @Override
    public void propose(ArticleDoc doc, BiConsumer<String, Integer> candidate) {
        String original = doc.folded().original;
        Matcher m = NAME.matcher(original);
        while (m.find()) {
            String name = m.group();
            if (!surnames.contains(AliasKey.fold(WORD_BREAK.split(name)[0]))) {
                continue;
            }
            String before = original.substring(Math.max(0, m.start() - 60), m.start());
            String after = original.substring(m.end(), Math.min(original.length(), m.end() + 40));
            boolean titled = words.hasTitle(AliasKey.fold(before.substring(Math.max(0, before.length() - 45))))
                    && !before.strip().endsWith(".")
                    || APPOSITION.matcher(after).matches() && words.hasTitle(AliasKey.fold(after));
            if (titled) {
                candidate.accept(name, m.start());
            }
        }
    }
}
