package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.liaison.reference.ReferenceDataException;

class NameWordsTest {

    @Test
    void readsTheWordsOfNamesTsv() {
        NameWords w = new NameWords();
        assertTrue(w.hasTitle("the bi thu of the province"));
        assertTrue(w.hasTitle("vice mayor"));
        assertFalse(w.hasTitle("secretaryship"), "whole words only");
        assertTrue(w.isInstitutionWord("Đảng"));
        assertFalse(w.isInstitutionWord("Đặng"), "a family name, not the party");
        assertTrue(w.isNotNameWord("committee"));
    }

    @Test
    void aBadLineStopsStartupNamingFileAndLine() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> new NameWords("extraction-bad/names-title.tsv"));
        assertEquals("extraction-bad/names-title.tsv:2: 'Chủ tịch' is not a folded word (lower case, no diacritics)", e.getMessage());
        e = assertThrows(ReferenceDataException.class, () -> new NameWords("extraction-bad/names-category.tsv"));
        assertEquals("extraction-bad/names-category.tsv:3: unknown category 'colour'; expected one of [title, institution, not_name]",
                e.getMessage());
        e = assertThrows(ReferenceDataException.class, () -> new NameWords("extraction-bad/names-missing.tsv"));
        assertEquals("extraction-bad/names-missing.tsv: no words of category 'not_name'", e.getMessage());
    }
}
