package org.liaison.article.extract;

import java.util.List;

/**
 * Which sentences report which encounter: the main exchange, and clauses that report a separate
 * one (an earlier meeting of the visit, an item of a list of meetings, a recalled encounter).
 */
public record Encounters(MainScope main, List<Clause> clauses) {

    /** A clause of sentence {@code sentence}, {@code [start, end)} in the folded text, that reports a further encounter. */
    public record Clause(int sentence, int start, int end) {
    }
}
