package org.liaison.article.extract;

/** A person the text names; {@code known}: from the people table, else recognised by a title or form of address. */
public record PersonMention(String name, String side, int start, int end, int sentence, boolean known) {
}
