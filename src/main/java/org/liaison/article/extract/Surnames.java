package org.liaison.article.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liaison.reference.TsvFile;

/**
 * Family names by side ({@code extraction/surnames.tsv}), read once for the whole extractor: the
 * Vietnamese, pinyin and Hán-Việt sets that {@link PersonNames} matches shapes with, and the side
 * a surname suggests ("?" for a name both sides use: Cao, Tang, Lai).
 */
public final class Surnames {

    public static final String FILE = "extraction/surnames.tsv";

    private final Set<String> vietnamese = new HashSet<>();
    private final Set<String> pinyin = new HashSet<>();
    private final Set<String> hanViet = new HashSet<>();
    private final Map<String, String> side = new HashMap<>();

    public Surnames() {
        for (TsvFile.Row row : TsvFile.read(FILE, 2, 2)) {
            Set<String> target = switch (row.cell(0)) {
                case "VN" -> vietnamese;
                case "CN" -> pinyin;
                case "HV" -> hanViet;
                default -> throw row.error("side must be VN, CN or HV, not '" + row.cell(0) + "'");
            };
            List<String> names = TsvFile.list(row.cell(1));
            if (names.isEmpty()) {
                throw row.error("no surnames");
            }
            for (String s : names) {
                if (!s.matches("[a-z]+")) {
                    throw row.error("surname '" + s + "' must be lower case a-z, without diacritics or spaces");
                }
                target.add(s);
                if (!row.cell(0).equals("HV")) {
                    // Hán-Việt forms take their side from the shape and title, not from the surname alone
                    side.merge(s, row.cell(0), (a, b) -> a.equals(b) ? a : "?");
                }
            }
        }
    }

    public boolean contains(String foldedSurname) {
        return side.containsKey(foldedSurname);
    }

    /** VN, CN, or "?" (both sides, or not a known surname). */
    public String sideOf(String foldedSurname) {
        return side.getOrDefault(foldedSurname, "?");
    }

    /** Vietnamese family names (VN rows). */
    public Set<String> vietnamese() {
        return vietnamese;
    }

    /** Chinese surnames in pinyin (CN rows). */
    public Set<String> pinyin() {
        return pinyin;
    }

    /** Hán-Việt forms of Chinese surnames that Vietnamese family names do not share (HV rows). */
    public Set<String> hanViet() {
        return hanViet;
    }
}
