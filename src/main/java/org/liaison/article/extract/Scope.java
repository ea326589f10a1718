package org.liaison.article.extract;

import java.util.List;

/**
 * The part of an article one exchange is coded from: its sentences and its focus, the span that
 * names the encounter itself. The main exchange reads the lead sentences around its focus; a
 * further exchange ({@link ClauseScope}) reads its clause only.
 */
public sealed interface Scope permits MainScope, ClauseScope {

    /** The sentences the exchange is coded from. */
    List<Sentence> sentences();

    int focusStart();

    int focusEnd();

    /** The sentence of the encounter verb. */
    int focusSentence();

    default boolean inFocus(int foldedOffset) {
        return foldedOffset >= focusStart() && foldedOffset < focusEnd();
    }
}
