package org.liaison.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The matching key of a name: what "Hà Nội", "Ha Noi" and "HANOI" have in common.
 * Diacritics, case, spacing and punctuation are dropped so that names typed without
 * Vietnamese diacritics (the usual case in English-language reports) still match.
 */
public final class AliasKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    /** Administrative words that name the kind of unit, not the unit ("Lạng Sơn province", "TP Hồ Chí Minh"). */
    private static final Pattern UNIT_WORDS = Pattern.compile(
            "\\b(tp|thanh pho|city|province|provincial|tinh|municipality|municipal|special administrative region|sar"
                    + "|zhuang autonomous region|autonomous region|autonomous prefecture|khu tu tri dan toc choang|khu tu tri)\\b");

    private AliasKey() {
    }

    /** Lower case without diacritics, with single spaces between words (for display-level comparisons). */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        d = MARKS.matcher(d).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(d).replaceAll(" ").trim();
    }

    /** Key for person names: folded, without spaces. */
    public static String of(String s) {
        return fold(s).replace(" ", "");
    }

    /** Key for place names: folded, unit words removed, without spaces. */
    public static String place(String s) {
        String f = UNIT_WORDS.matcher(fold(s)).replaceAll(" ");
        String k = f.replace(" ", "");
        // "TP" or "City" alone is not a place; keep the whole name in that case.
        return k.isEmpty() ? of(s) : k;
    }
}
