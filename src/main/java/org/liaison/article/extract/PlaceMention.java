package org.liaison.article.extract;

import org.liaison.gazetteer.Locality;

/** A gazetteer unit the text names; {@code dateline}: the place of the dispatch ("BEIJING, Dec. 30 (Xinhua) --"). */
public record PlaceMention(Locality locality, int start, int end, int sentence, boolean dateline) {

    public boolean overlaps(int from, int to) {
        return start < to && end > from;
    }
}
