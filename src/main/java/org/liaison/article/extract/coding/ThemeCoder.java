package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.Passage;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.article.extract.ThemeLexicon;

/** The themes (codebook 3): what the sides discussed, in the article body, or in the clause of a further exchange. */
final class ThemeCoder {

    private final ThemeLexicon lexicon;

    ThemeCoder(ThemeLexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<String> code(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        Passage text = passage(doc, scope);
        List<String> themes = new ArrayList<>();
        for (ThemeLexicon.Wording w : lexicon.wordings) {
            if (themes.contains(w.theme()) || !(w.language().equals("*") || w.language().equals(doc.language()))) {
                continue;
            }
            Matcher m = w.pattern().matcher(text.text());
            if (m.find()) {
                themes.add(w.theme());
                evidence.add(doc.evidence("themes", text, m));
            }
        }
        return themes;
    }

    /** The body without the page furniture before the date line; or the clause. */
    private static Passage passage(ArticleDoc doc, Scope scope) {
        Passage p = new Passage(doc.folded());
        if (scope instanceof ClauseScope) {
            return p.span(scope.focusStart(), scope.focusEnd());
        }
        for (Sentence s : doc.sentences()) {
            if (s.end() > doc.publicationLineEnd()) {
                p.span(s).literal(" ");
            }
        }
        return p;
    }
}
