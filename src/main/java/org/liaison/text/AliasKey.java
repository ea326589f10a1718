package org.liaison.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The matching key of a name: what "Hà Nội", "Ha Noi" and "HANOI" have in common.
 * Diacritics, case, spacing and punctuation are dropped so that names typed without
 * Vietnamese diacritics (the usual case in English-language reports) still match.
 */
public final class AliasKey {

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
        // by hand, not by regular expressions: every name of the gazetteer and of the extractor's
        // indexes is folded at start, and two replaceAll calls per name were most of that time
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        String d = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        boolean gap = false;
        for (int i = 0; i < d.length();) {
            int c = d.codePointAt(i);
            i += Character.charCount(c);
            if (!ascii && isMark(c)) {
                continue;
            }
            int l = c == 'đ' || c == 'Đ' ? 'd' : Character.toLowerCase(c);
            if (l >= 'a' && l <= 'z' || l >= '0' && l <= '9') {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append((char) l);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** What {@code \p{M}} matches: a combining mark, dropped with the diacritics it carries. */
    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
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
