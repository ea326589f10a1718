package org.liaison.article.extract;

/**
 * A person the text names; {@code known}: from the people table, else recognised by its shape beside a title, a form of
 * address or a meeting verb. {@code title}: the title {@link PersonNames} read beside this mention ("" when none or when
 * only the table found it).
 */
public record PersonMention(String name, String side, int start, int end, int sentence, boolean known, String title) {

    public PersonMention(String name, String side, int start, int end, int sentence, boolean known) {
        this(name, side, start, end, sentence, known, "");
    }
}
