package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.gazetteer.LocalityRef;
import org.liaison.reference.TsvFile;
import org.liaison.text.AliasKey;

/**
 * The border gates of {@code extraction/border-gates.tsv} and the gazetteer unit each lies in, read once and checked
 * against the gazetteer at start: "tại Nhà hội đàm cửa khẩu quốc tế Hữu Nghị", "at the Youyiguan border gate" say where
 * a meeting took place though no unit of the gazetteer is named. A gate's name counts only beside a gate word.
 */
public final class BorderGates {

    public static final String FILE = "extraction/border-gates.tsv";

    private final Map<String, LocalityRef> unitByName = new HashMap<>();
    /** A gate's name after a gate word (group 1) or before one (group 2), on folded text. */
    private final Pattern mention;

    public BorderGates(Gazetteer gazetteer) {
        for (TsvFile.Row row : TsvFile.read(FILE, 2, 2)) {
            Locality unit = gazetteer.byCode(row.cell(0));
            if (unit == null) {
                throw row.error("no gazetteer unit with code '" + row.cell(0) + "'");
            }
            List<String> names = TsvFile.list(row.cell(1));
            if (names.isEmpty()) {
                throw row.error("no gate names");
            }
            for (String name : names) {
                String key = AliasKey.fold(name);
                if (key.length() < 3 || unitByName.putIfAbsent(key, LocalityRef.of(unit)) != null) {
                    throw row.error("gate name '" + name + "' is too short or given twice");
                }
            }
        }
        List<String> keys = new ArrayList<>(unitByName.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed()); // "huu nghi quan" before "huu nghi"
        String names = keys.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.mention = Pattern.compile("\\b(?:cua khau(?: quoc te| quoc gia| chinh| phu| song phuong)?(?: duong bo| duong sat)?(?: so [ivx\\d]+)?|loi thong quan|lot thong quan)\\s+(" + names
                + ")\\b|\\b(" + names + ")\\s+(?:international\\s+)?(?:border gate|border crossing|checkpoint|port|pass)\\b");
    }

    /** The gate named in folded [from, to) beside a gate word and the unit it lies in, or null. */
    public Gate first(String folded, int from, int to) {
        Matcher m = mention.matcher(folded).region(from, to);
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 2;
        return new Gate(unitByName.get(m.group(g)), m.start(), m.end());
    }

    /** A gate mention: the unit it lies in and the span of the words that name it. */
    public record Gate(LocalityRef unit, int start, int end) {
    }
}
