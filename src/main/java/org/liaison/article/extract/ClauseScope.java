package org.liaison.article.extract;

import java.util.List;

/**
 * A further exchange told in one clause; {@code main} is the article's main exchange, coded
 * first: its date is the fallback month and its participants may be named by a short form;
 * {@code link} how the clause relates to it (null for a recall of an article with no main exchange).
 */
public record ClauseScope(Sentence sentence, int focusStart, int focusEnd, ExtractedExchange main, Encounters.Link link) implements Scope {

    @Override
    public List<Sentence> sentences() {
        return List.of(sentence);
    }

    @Override
    public int focusSentence() {
        return sentence.index();
    }
}
