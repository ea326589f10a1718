package org.liaison.article.extract.stage;

import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Stage;

/**
 * Splits the text into sentences: at a line break, and at '.', '!' or '?' followed by a capital,
 * unless the dot ends an abbreviation ("Mr.", "Dec.").
 */
public final class SentenceSplitter implements Stage {

    private final Pattern abbreviation;

    public SentenceSplitter(RuleBook rules) {
        this.abbreviation = rules.pattern("sentences.abbreviation");
    }

    @Override
    public void annotate(ArticleDoc doc) {
        Folded f = doc.folded();
        String t = f.text;
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean boundary = c == '\n';
            if ((c == '.' || c == '!' || c == '?') && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))
                    && !abbreviation.matcher(t.substring(Math.max(0, i - 5), i + 1)).find()) {
                int j = i + 1;
                while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
                    j++;
                }
                boundary = j < t.length() && Character.isUpperCase(f.original.charAt(f.start(j)));
            }
            // "(Photo: VNA)Beijing (VNA) –": a caption glued to the next sentence
            if (c == ')' && i + 1 < t.length() && Character.isUpperCase(f.original.charAt(f.start(i + 1)))) {
                boundary = true;
            }
            if (boundary) {
                doc.addSentence(start, i + 1);
                start = i + 1;
            }
        }
        doc.addSentence(start, t.length());
    }
}
