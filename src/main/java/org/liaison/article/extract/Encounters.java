package org.liaison.article.extract;

import java.util.List;

/**
 * Which sentences report which encounter: the main exchange, and clauses that report a separate
 * one (an earlier meeting of the visit, an item of a list of meetings, a recalled encounter).
 * {@code main} is null when the article's own report is no exchange (a message of congratulation)
 * but it recalls a dated encounter of both sides, say in a photo caption: the clauses stand alone.
 */
public record Encounters(MainScope main, List<Clause> clauses) {

    public Encounters {
        clauses = List.copyOf(clauses);
    }

    /** How a further encounter relates to the main one: what its clause may leave implicit. */
    public enum Link {
        /** "The same day, ...", "Chiều cùng ngày, ...": the main exchange's day (and city, if the clause names none). */
        SAME_DAY,
        /** Another meeting of the same visit ("Earlier, ...", "Trước đó, ...", "X also met Y"). */
        SAME_VISIT,
        /** An item of a list of meetings sharing the subject of the sentence ("chào xã giao A; hội đàm với B"). */
        LISTED,
        /** An earlier encounter the article recalls with its own date. */
        RECALLED
    }

    /** A clause of sentence {@code sentence}, {@code [start, end)} in the folded text, that reports a further encounter. */
    public record Clause(int sentence, int start, int end, Link link) {
    }
}
