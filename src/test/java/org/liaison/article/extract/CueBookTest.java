package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.liaison.reference.ReferenceDataException;

class CueBookTest {

    private static final RuleBook RULES = new RuleBook();

    @Test
    void aCueTakesInTheTextOfARule() {
        CueBook cues = new CueBook(RULES);
        // "earlier" takes the close-of-talks wording from encounters.closing_en / _vi
        assertTrue(cues.has("earlier", "at the end of the talks, the two sides signed"));
        assertTrue(cues.has("earlier", "ket thuc buoi hoi dam, hai ben ky"));
        assertFalse(cues.has("earlier", "at the end of the year, the two sides"), "the close of a meeting, not of any time");
        assertFalse(cues.patterns("earlier").get(0).pattern().contains("${"), "no reference is left in the compiled pattern");
    }

    @Test
    void aReferenceToNoRuleStopsStartupNamingFileAndLine() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> new CueBook("extraction-bad/cues-reference.tsv", RULES));
        assertEquals("extraction-bad/cues-reference.tsv:2: '${encounters.nope}' names no rule of extraction/rules.tsv", e.getMessage());
    }
}
