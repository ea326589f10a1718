package org.liaison.article.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Long and hostile article texts of the kinds issue 15's fuzz probe sends to POST /api/articles/extract (at most
 * 200,000 characters): each shape is a unit repeated and cut to the length asked for. Shared by
 * {@link ExtractionLinearityTest} (asserts linear time) and the benchmark that prints the figures of bench/README.md.
 */
public final class HostileInputs {

    /** The shapes by name, in the order the table of bench/README.md lists them: the unit each one repeats. */
    public static final Map<String, String> SHAPES = shapes();

    private HostileInputs() {
    }

    private static Map<String, String> shapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("one capitalised token", "A");
        m.put("one long number", "1234567890");
        m.put("capitalised words", "Alpha Beta Hanoi Party Secretary Wang Yi Nguyen Van Long Guangxi Zhuang Committee ");
        m.put("dates", "12/12/2012 ");
        m.put("days without a year", "on 12/12 and 5-6, May 5 ");
        m.put("titles", "Mr. ");
        m.put("titles and names", "Mr. Wang Yi, Ông Nguyễn Văn An, Chairman Li Qiang, ");
        m.put("one sentence, no full stop", "the delegation of Guangxi met Chinese Ambassador Xiong Bo in Nanning on May 5 and discussed trade "
                + "with Lang Son officials, ");
        m.put("newlines", "\n\n\n\n\n\n\n\n\nHanoi");
        m.put("lines", "Nguyen Van A met Wang Wei in Hanoi\n");
        m.put("sentences", "Nguyen Van A met Wang Wei in Hanoi on May 5. ");
        m.put("Vietnamese", "Ngày 5/6, Chủ tịch nước Võ Văn Thưởng hội đàm với Chủ tịch Trung Quốc Tập Cận Bình tại Hà Nội; hai bên nhất trí "
                + "thúc đẩy hợp tác kinh tế. ");
        m.put("Guangxi", "Guangxi ");
        m.put("names", "Xi Jinping Nguyen Phu Trong Wang Yi ");
        m.put("dated agreements, one sentence", "the agreement reached at the talks on 12/12/2012 between Wang Yi and Tran Luu Quang ");
        m.put("list of places", "the Secretaries of Cao Bang, Lang Son, Guangxi, Yunnan and Ha Giang provinces met, ");
        m.put("report, repeated", "HANOI, May 5 (VNA) - Deputy Prime Minister Tran Luu Quang received Chinese Ambassador Xiong Bo in Hanoi on "
                + "May 5; the same day, he met Guangxi Party Secretary Liu Ning. Earlier, on May 3, the two sides held talks in Nanning. ");
        return m;
    }

    /** The shape's unit repeated to {@code length} characters. */
    public static String of(String shape, int length) {
        String unit = SHAPES.get(shape);
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) {
            sb.append(unit);
        }
        return sb.substring(0, length);
    }

    /** The text as an article published on 2025-05-06, with no title. */
    public static ArticleInput article(String text) {
        return new ArticleInput(null, null, "2025-05-06", null, null, text);
    }
}
