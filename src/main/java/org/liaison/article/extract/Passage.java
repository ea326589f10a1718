package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Spans of the folded text joined into one string to match cues on (several sentences, a focus
 * and the next sentence), each span remembering where it came from, so that a match gives its
 * evidence offsets in the article. Joined-in text that is not in the article (the title, the
 * separators) maps to no offset.
 */
public final class Passage {

    private final Folded folded;
    private final StringBuilder text = new StringBuilder();
    /** {passage offset, folded offset, length} of every span. */
    private final List<int[]> spans = new ArrayList<>();
    private String built;

    public Passage(Folded folded) {
        this.folded = folded;
    }

    public Passage span(int start, int end) {
        spans.add(new int[] { text.length(), start, end - start });
        text.append(folded.text, start, end);
        built = null;
        return this;
    }

    public Passage span(Sentence s) {
        return span(s.start(), s.end());
    }

    public Passage literal(String s) {
        text.append(s);
        built = null;
        return this;
    }

    public String text() {
        if (built == null) {
            built = text.toString();
        }
        return built;
    }

    /** The folded-text offset of passage offset {@code k}, or -1 outside the article's spans. */
    public int docOffset(int k) {
        for (int[] s : spans) {
            if (k >= s[0] && k < s[0] + s[2]) {
                return s[1] + k - s[0];
            }
        }
        return -1;
    }
}
