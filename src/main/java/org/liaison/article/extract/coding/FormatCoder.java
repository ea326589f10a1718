package org.liaison.article.extract.coding;

import java.util.List;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.Passage;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;

/** The format (codebook 1.2): hybrid, online or phone when a cue says so, else in person. */
final class FormatCoder {

    private static final List<String> FORMATS = List.of("hybrid", "online", "phone");

    private final CueBook cues;

    FormatCoder(CueBook cues) {
        this.cues = cues;
    }

    String code(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        Passage text = passage(doc, scope);
        for (String format : FORMATS) {
            Matcher m = cues.find(format, text.text());
            if (m != null) {
                evidence.add(doc.evidence("format", text, m));
                return format;
            }
        }
        return "in_person";
    }

    /** The main exchange's sentences and the title (a headline may say "online talks"); a clause for a further exchange. */
    private static Passage passage(ArticleDoc doc, Scope scope) {
        Passage p = new Passage(doc.folded());
        if (scope instanceof ClauseScope) {
            return p.span(scope.focusStart(), scope.focusEnd());
        }
        List<Sentence> core = ((MainScope) scope).sentences();
        for (int i = 0; i < core.size(); i++) {
            p.literal(i == 0 ? "" : " ").span(core.get(i));
        }
        return p.literal(" ").literal(doc.foldedTitle());
    }
}
