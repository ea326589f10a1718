package org.liaison.article.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text folded for matching (lower case, Vietnamese diacritics removed, đ -> d), with the
 * offset in the original text of every folded character, so that a match on the folded text
 * gives the evidence span in the original.
 */
public final class Folded {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** The folds of the characters up to the CJK block, worked out once each (Normalizer per character is slow). */
    private static final String[] FOLDS = new String[0x3000];

    public record Token(String text, int start, int end) {
    }

    public final String original;
    public final String text;
    private final int[] origin;
    public final List<Token> tokens = new ArrayList<>();

    public Folded(String original) {
        this.original = original;
        StringBuilder sb = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        int n = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c < 128) {
                if (n == map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[n++] = i;
                sb.append(Character.toLowerCase(c));
                continue;
            }
            String f = fold(c);
            for (int k = 0; k < f.length(); k++) {
                if (n == map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[n++] = i;
                sb.append(f.charAt(k));
            }
        }
        if (n == map.length) {
            map = java.util.Arrays.copyOf(map, map.length + 1);
        }
        map[n] = original.length();
        this.text = sb.toString();
        this.origin = map;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j))
                        || text.charAt(j) == '\'' && j + 1 < text.length() && Character.isLetter(text.charAt(j + 1)))) {
                    j++;
                }
                tokens.add(new Token(text.substring(i, j), i, j));
                i = j;
            } else {
                i++;
            }
        }
    }

    /** The folded form of one character beyond ASCII ("" for a mark of its own). */
    private static String fold(char c) {
        String f = c < FOLDS.length ? FOLDS[c] : null;
        if (f != null) {
            return f;
        }
        if (c == 'đ' || c == 'Đ') {
            f = "d";
        } else if (c == '’' || c == '‘') {
            f = "'";
        } else if (c == '–' || c == '—') {
            f = "-";
        } else {
            f = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        }
        if (c < FOLDS.length) {
            FOLDS[c] = f; // a String is immutable: a racing thread at worst folds the character again
        }
        return f;
    }

    /** The original offset of folded offset {@code i}. */
    public int start(int i) {
        return origin[Math.min(i, text.length())];
    }

    /** The original end offset of a folded span ending at {@code i} (exclusive). */
    public int end(int i) {
        return i <= 0 ? 0 : origin[Math.min(i, text.length()) - 1] + 1;
    }

    /** The first folded offset at or after original offset {@code originalOffset}, or -1 (binary search: offsets only grow). */
    public int foldedOffset(int originalOffset) {
        int lo = 0;
        int hi = text.length() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (origin[mid] >= originalOffset) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    public String originalSpan(int foldedStart, int foldedEnd) {
        return original.substring(start(foldedStart), end(foldedEnd));
    }
}
