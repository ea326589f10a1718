package org.liaison.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.liaison.reference.ReferenceDataException;

/** The gazetteer file itself, without a server: its rules and its error messages. */
class GazetteerTest {

    final Gazetteer gazetteer = new Gazetteer();

    @Test
    void everyVietnameseUnitMergedIn2025HasACurrentSuccessor() {
        long former = gazetteer.all().stream().filter(l -> l.country().equals("VN")).count();
        long current = gazetteer.all().stream().filter(l -> l.country().equals("VN") && l.successor() == null).count();
        assertEquals(63, former);
        assertEquals(34, current);
        assertEquals("VN-07", gazetteer.resolve("Hà Giang", null).locality().currentCode());
        assertEquals("VN-13", gazetteer.resolve("Mong Cai", null).locality().code(), "a city counts for its province");
    }

    @Test
    void ambiguousNamesNeedACountry() {
        Gazetteer.Lookup l = gazetteer.resolve("Hà Nam", null);
        assertFalse(l.found());
        assertEquals(2, l.candidates().size());
        assertEquals("CN-HA", gazetteer.resolve("Hà Nam", "CN").locality().code());
        assertEquals("VN-63", gazetteer.resolve("Ha Nam province", "VN").locality().code());
    }

    @Test
    void malformedFilesStopWithFileAndLine() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> new Gazetteer("reference-bad/columns.tsv"));
        assertEquals("reference-bad/columns.tsv:2: expected 9 tab-separated columns, found 3", e.getMessage());
        e = assertThrows(ReferenceDataException.class, () -> new Gazetteer("reference-bad/successor.tsv"));
        assertTrue(e.getMessage().startsWith("reference-bad/successor.tsv:2: refers to unknown locality VN-99"), e.getMessage());
        e = assertThrows(ReferenceDataException.class, () -> new Gazetteer("reference-bad/alias.tsv"));
        assertTrue(e.getMessage().startsWith("reference-bad/alias.tsv:2: name 'Ha Noi' already belongs to VN-HN"), e.getMessage());
        e = assertThrows(ReferenceDataException.class, () -> new Gazetteer("reference-bad/missing.tsv"));
        assertTrue(e.getMessage().contains("not found"));
    }
}
