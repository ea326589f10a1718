package org.liaison.article.extract.coding;

import java.util.List;
import java.util.regex.Matcher;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.Passage;
import org.liaison.article.extract.Scope;

/** The kind (codebook 1.1): the first kind cue of the focus, in the order workshop, talks, courtesy call, signing, meeting. */
final class KindCoder {

    /** Cue categories in the order they win; "meeting_kind" codes as meeting. */
    private static final List<String> KINDS = List.of("workshop", "talks", "courtesy_call", "signing", "meeting_kind");

    private final CueBook cues;

    KindCoder(CueBook cues) {
        this.cues = cues;
    }

    String code(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        Passage text = passage(doc, scope);
        for (String k : KINDS) {
            Matcher m = cues.find(k, text.text());
            if (m != null) {
                evidence.add(doc.evidence("kind", text, m));
                return k.equals("meeting_kind") ? "meeting" : k;
            }
        }
        return cues.has("meeting", text.text()) ? "meeting" : "other";
    }

    /** The focus; for the main exchange also the next encounter sentence ("... arrived in Hanoi. The two sides held talks"). */
    private Passage passage(ArticleDoc doc, Scope scope) {
        Passage p = new Passage(doc.folded()).span(scope.focusStart(), scope.focusEnd());
        if (scope instanceof MainScope main) {
            p.literal(" ");
            main.sentences().stream().filter(c -> c.index() > main.focusSentence() && cues.has("meeting", c.folded()))
                    .findFirst().ifPresent(p::span);
        }
        return p;
    }

}
