package org.liaison.article.extract;

import java.util.List;

/**
 * A person's name found by its shape ({@link PersonNames}): where it stands in the original text,
 * the name as written, its canonical form (pinyin joined as "Dai Qiyuan"; Vietnamese as written),
 * the side it suggests, the title written beside it ("" when none) and what made it a person.
 *
 * @param start   offset of the name's first character in the original text
 * @param end     offset after its last character (exclusive)
 * @param aliases other forms of the same person written beside it, as written ("Dai Qi Yuan (Đới Khải Nguyên)"
 *                gives the mention "Dai Qiyuan" with the alias "Đới Khải Nguyên")
 */
public record NameMention(int start, int end, String written, String canonical, Side side, Shape shape, String title,
        Cue cue, List<String> aliases) {

    public enum Side {
        VN, CN, UNKNOWN
    }

    /** The shape of the name: Vietnamese syllables, pinyin, or a Hán-Việt form (Vietnamese shape, Chinese person). */
    public enum Shape {
        VIETNAMESE, PINYIN, HAN_VIET
    }

    /** What beside the shape made it a person, strongest first. */
    public enum Cue {
        /** an office or rank before or after it ("Chinese Ambassador", "Bí thư Tỉnh ủy", ", a member of …") */
        TITLE,
        /** a body right before it ("HCMC People's Council Phan Thị Thắng") */
        ORGANISATION,
        /** a form of address ("đồng chí", "ông", "bà", "Mr", "Madame", "Comrade") */
        HONORIFIC,
        /** a verb of meeting right before or after it ("received", "held talks with", "tiếp", "hội đàm với") */
        MEETING
    }

    public NameMention {
        aliases = List.copyOf(aliases);
    }
}
