package org.liaison.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liaison.reference.ReferenceDataException;
import org.liaison.reference.TsvFile;

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

    @Test
    void everyChinesePrefectureLevelDivisionAndProvince() {
        List<Locality> cn = gazetteer.all().stream().filter(l -> l.country().equals("CN")).toList();
        assertEquals(34, cn.stream().filter(l -> l.level().equals("province")).count());
        assertEquals(333, cn.stream().filter(l -> l.level().equals("prefecture")).count());
        assertTrue(cn.stream().filter(l -> l.level().equals("prefecture")).allMatch(l -> l.code().matches("CN-\\d{4}00")
                && gazetteer.byCode(l.parent()).level().equals("province")));
        assertEquals("Honghe", gazetteer.byCode("CN-532500").nameEn());
        assertEquals("CN-532500", gazetteer.resolve("Honghe Hani and Yi Autonomous Prefecture", null).locality().code());
        assertEquals("CN-532500", gazetteer.resolve("Honghe Prefecture", null).locality().code());
        assertEquals("CN-152500", gazetteer.resolve("Xilingol League", null).locality().code());
        assertEquals("CN-340600", gazetteer.resolve("Hoài Bắc", null).locality().code());
    }

    @Test
    void countiesAndDistrictsResolveToTheirUnit() {
        assertEquals("CN-450600", gazetteer.resolve("Dongxing", null).locality().code());
        assertEquals("CN-532500", gazetteer.resolve("Hekou", null).locality().code());
        assertEquals("CN-532500", gazetteer.resolve("Lüchun County", null).locality().code());
        assertEquals("CN-532500", gazetteer.resolve("Luchun", "CN").locality().code());
        assertEquals("CN-451400", gazetteer.resolve("Longzhou County", null).locality().code());
        assertEquals("CN-BJ", gazetteer.resolve("Haidian District", null).locality().code(), "a municipality's district");
        assertEquals("VN-13", gazetteer.resolve("Mong Cai", null).locality().code());
        assertEquals("VN-01", gazetteer.resolve("Muong Te", null).locality().code());
        assertEquals("VN-01", gazetteer.resolve("huyện Mường Tè", null).locality().code());
        assertEquals("VN-04", gazetteer.resolve("Quang Hoa district", null).locality().code());
        assertEquals("VN-SG", gazetteer.resolve("Quận 1", null).locality().code());
        assertEquals("VN-HN", gazetteer.resolve("Hoàn Kiếm", null).locality().code());
        assertEquals("VN-03", gazetteer.resolve("Đồng Văn", null).locality().code(), "a district of a merged province: as named");
        assertTrue(gazetteer.byCode("CN-450681") == null && gazetteer.byCode("VN-D194") == null,
                "counties and districts are no units of their own");
        // in running text only with their unit word
        Set<String> names = Gazetteer.names(gazetteer.byCode("VN-01"));
        assertTrue(names.contains("Muong Te District") && !names.contains("Mường Tè") && !names.contains("huyện Mường Tè"), names.toString());
        names = Gazetteer.names(gazetteer.byCode("CN-532500"));
        assertTrue(names.contains("Lüchun County") && !names.contains("Lüchun"), names.toString());
    }

    @Test
    void sharedNamesStayAmbiguousAndTheHigherUnitComesFirst() {
        // two prefecture-level cities called Yulin (Guangxi, Shaanxi): both, none picked
        Gazetteer.Lookup yulin = gazetteer.resolve("Yulin", null);
        assertEquals(Set.of("CN-450900", "CN-610800"), Set.copyOf(yulin.candidates().stream().map(Locality::code).toList()));
        // a province before a prefecture, a prefecture before a county
        assertEquals("CN-HI", gazetteer.resolve("Hainan", null).locality().code());
        assertEquals("CN-JL", gazetteer.resolve("Jilin", null).locality().code());
        assertEquals("CN-532500", gazetteer.resolve("Honghe", null).locality().code(), "not Honghe County, of the same prefecture");
        assertEquals("CN-SX", gazetteer.resolve("Sơn Tây", null).locality().code(), "Shanxi, not the town of Hà Nội");
        assertEquals("CN-CQ", gazetteer.resolve("Trùng Khánh", null).locality().code(), "Chongqing, not the district of Cao Bằng");
        assertEquals("VN-04", gazetteer.resolve("huyện Trùng Khánh", null).locality().code());
        assertEquals("VN-41", gazetteer.resolve("Long An", null).locality().code(), "the province, not Long'an County of Nanning");
        assertEquals("CN-450100", gazetteer.resolve("Long'an County", null).locality().code());
        // counties of the same name in two prefectures: both
        assertEquals(2, gazetteer.resolve("Kaiyuan City", null).candidates().size());
        // no one-syllable names
        for (String s : new String[] { "He", "Lu", "Xi", "Bình" }) {
            assertFalse(gazetteer.resolve(s, null).found(), s);
        }
    }

    /** The hand-written file before generation: each of its codes and names still means the same unit. */
    @Test
    void everyNameOfTheHandWrittenFileStillResolves() {
        List<String> lost = new ArrayList<>();
        int names = 0;
        for (TsvFile.Row row : TsvFile.read("gazetteer/localities-hand-written.tsv", 9, 9)) {
            String code = row.cell(0);
            Locality l = gazetteer.byCode(code);
            if (l == null) {
                lost.add(code);
                continue;
            }
            assertEquals(row.cell(3), l.name(), code);
            assertEquals(row.cell(6).isEmpty() ? null : row.cell(6), l.validTo() == null ? null : l.validTo().toString(), code);
            assertEquals(row.cell(7).isEmpty() ? null : row.cell(7), l.successor(), code);
            List<String> all = new ArrayList<>(List.of(row.cell(3), row.cell(4)));
            all.addAll(TsvFile.list(row.cell(8)));
            for (String name : all) {
                names++;
                Gazetteer.Lookup hit = gazetteer.resolve(name, row.cell(1));
                boolean sharedBefore = name.equals("Hà Nam"); // VN-63 and Henan already then
                if (!hit.candidates().contains(l) || !hit.found() && !sharedBefore && !SHARED_SINCE.contains(name)) {
                    lost.add(code + " " + name + " -> " + hit.candidates().stream().map(Locality::code).toList());
                }
                assertTrue(Gazetteer.names(l).contains(name), code + " " + name + " still matches in articles");
            }
        }
        assertEquals(List.of(), lost);
        assertTrue(names > 300, "read " + names);
    }

    /** Names of the hand-written file that GB/T 2260 gives a second unit of the same rank as well. */
    static final Set<String> SHARED_SINCE = Set.of("Yulin", "Pingxiang");
}
