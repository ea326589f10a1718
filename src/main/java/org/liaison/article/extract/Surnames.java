package org.liaison.article.extract;

import java.util.HashMap;
import java.util.Map;
import org.liaison.reference.TsvFile;

/** Family names by side ({@code extraction/surnames.tsv}); "?" for a name both sides use (Cao, Tang, Lai). */
public final class Surnames {

    public static final String FILE = "extraction/surnames.tsv";

    private final Map<String, String> side = new HashMap<>();

    public Surnames() {
        for (TsvFile.Row row : TsvFile.read(FILE, 2, 2)) {
            if (row.cell(0).equals("HV")) {
                continue; // Hán-Việt forms of Chinese surnames: PersonNames reads them, a title alone does not make them a name
            }
            if (!row.cell(0).equals("VN") && !row.cell(0).equals("CN")) {
                throw row.error("side must be VN, CN or HV");
            }
            for (String s : TsvFile.list(row.cell(1))) {
                side.merge(s, row.cell(0), (a, b) -> a.equals(b) ? a : "?");
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
}
