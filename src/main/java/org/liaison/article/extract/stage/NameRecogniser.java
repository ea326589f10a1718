package org.liaison.article.extract.stage;

import java.util.function.BiConsumer;
import org.liaison.article.extract.ArticleDoc;

/**
 * Proposes names of people the people table does not know: each candidate as written and its
 * offset in the original text. {@link PeopleFinder} vets the candidates (institutions, places,
 * overlaps) and gives each a side; a new way of spotting names (by their shape, say) is one more
 * recogniser.
 */
public interface NameRecogniser {

    void propose(ArticleDoc doc, BiConsumer<String, Integer> candidate);
}
