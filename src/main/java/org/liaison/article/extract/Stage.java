package org.liaison.article.extract;

/** One step of the extraction pipeline: reads what earlier stages put on the document and adds its own layer. */
public interface Stage {

    void annotate(ArticleDoc doc);
}
