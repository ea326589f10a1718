package org.liaison.article.extract;

import java.util.List;

/**
 * The exchange an article is about: the first encounter sentences (and the lead before them,
 * which usually tells when and where); the focus runs from the lead to the end of the first
 * clause of the encounter sentence.
 */
public record MainScope(List<Sentence> sentences, int focusStart, int focusEnd, int focusSentence) implements Scope {

    public MainScope {
        sentences = List.copyOf(sentences);
    }

    public boolean has(Sentence s) {
        return sentences.contains(s);
    }
}
