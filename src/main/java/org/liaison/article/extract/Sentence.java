package org.liaison.article.extract;

/** A sentence of the article: its span in the folded text and that text. */
public record Sentence(int index, int start, int end, String folded) {

    public boolean contains(int foldedOffset) {
        return foldedOffset >= start && foldedOffset < end;
    }
}
