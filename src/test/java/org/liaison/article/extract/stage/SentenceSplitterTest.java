package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.liaison.article.extract.ArticleDoc;

class SentenceSplitterTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/extraction/sentences.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void splitsAsTheTableSays(String text, String sentences) {
        ArticleDoc doc = Pipeline.annotate(text, "2024-01-01");
        assertEquals(Pipeline.list(sentences),
                doc.sentences().stream().map(s -> doc.folded().originalSpan(s.start(), s.end()).strip()).toList());
    }
}
