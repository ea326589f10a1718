package org.liaison.article.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liaison.gazetteer.Gazetteer;

/**
 * Examples of {@link PersonNames}, as a table: a text and the names it holds, each as
 * "canonical/side" (with "=alias" when a second form stands beside it). An empty list means
 * no name at all.
 */
class PersonNamesTest {

    static final PersonNames NAMES = new PersonNames(new Gazetteer());

    static Stream<Arguments> examples() {
        return Stream.of(
                // titles before, English
                ex("PM Nguyễn Xuân Phúc received Liu Yunshan, Standing member of the Political Bureau of the CPC Central Committee.",
                        "Nguyễn Xuân Phúc/VN", "Liu Yunshan/CN"),
                ex("Vice Chairwoman of the HCMC People's Council Phan Thị Thắng received a delegation from Guangxi.",
                        "Phan Thị Thắng/VN"),
                ex("HANOI - Chinese Ambassador Xiong Bo paid a courtesy call.", "Xiong Bo/CN"),
                ex("Secretary of the Guangzhou Municipal Party Committee Guo Yonghang said the two cities were close.",
                        "Guo Yonghang/CN"),
                ex("He met Vietnamese Deputy Prime Minister Tran Luu Quang in Kunming.", "Tran Luu Quang/VN"),
                ex("Party General Secretary Xi Jin-ping welcomed the guests.", "Xi Jinping/CN"),
                ex("The meeting was chaired by Mr. Wang Huning and Ms. Nguyen Thi Thu Ha.", "Wang Huning/CN", "Nguyen Thi Thu Ha/VN"),
                ex("Chinese Ambassador Ouyang Yujing attended.", "Ouyang Yujing/CN"),
                // titles after
                ex("Huang Kunming, a member of the Political Bureau of the CPC Central Committee, attended the seminar.",
                        "Huang Kunming/CN"),
                ex("Lê Tiến Châu, Bí thư Thành ủy Hải Phòng, tiếp Đại sứ Trung Quốc.", "Lê Tiến Châu/VN"),
                // Vietnamese titles and honorifics
                ex("Bí thư Tỉnh ủy Cao Bằng, đồng chí Trần Hồng Minh phát biểu.", "Trần Hồng Minh/VN"),
                ex("Chủ tịch UBND TP.Hoài Bắc - Dai Qi Yuan (Đới Khải Nguyên) cho biết.", "Dai Qiyuan/CN=Đới Khải Nguyên"),
                ex("Đại sứ Trung Quốc tại Việt Nam Hùng Ba dự buổi tiếp.", "Hùng Ba/CN"),
                ex("Thủ tướng Chính phủ Phạm Minh Chính hội đàm với Thủ tướng Quốc vụ viện Lý Cường.", "Phạm Minh Chính/VN",
                        "Lý Cường/CN"),
                ex("Phó Trưởng ban Tôn Nghiệp Lễ (Sun Yeli) phát biểu.", "Sun Yeli/CN=Tôn Nghiệp Lễ"),
                ex("Tỉnh trưởng Quảng Tây Lam Thiên Lập hội kiến đoàn.", "Lam Thiên Lập/CN"),
                ex("Ông Nguyễn Văn Nên tiếp đoàn.", "Nguyễn Văn Nên/VN"),
                // the long Vietnamese name of Guangxi between title and name ("Khu tự trị dân tộc Choang")
                ex("Chủ tịch UBND tỉnh Hồ Văn Lâm tiếp Phó Chủ tịch Chính phủ Khu tự trị dân tộc Choang Quảng Tây Vi Minh.",
                        "Hồ Văn Lâm/VN", "Vi Minh/CN"),
                // meeting verbs
                ex("Nguyễn Phú Trọng received him on Monday.", "Nguyễn Phú Trọng/VN"),
                ex("Hôm qua, đồng chí Lê Hoài Trung đã tiếp đoàn.", "Lê Hoài Trung/VN"),
                // negatives: places, organisations, sentence starts, months
                ex("Cao Bằng and Lạng Sơn signed the minutes with Guangxi."),
                ex("The Secretary of Hà Giang met them."),
                ex("Officials of Ho Chi Minh City met the delegation."),
                ex("President of the Ho Chi Minh National Academy of Politics spoke."),
                ex("The Communist Party and the Central Committee met in Hà Nội; Lào Cai received goods."),
                ex("Vietnam News Agency reported. Hanoi received visitors."),
                ex("Chairman of the Lang Son People's Committee received them in May. Long An welcomed them."),
                ex("Tiếp Đoàn Trung Quốc, Bí thư Tỉnh ủy Lạng Sơn cho biết."),
                ex("He met Song Hong Bridge officials."));
    }

    static Arguments ex(String text, String... expected) {
        return Arguments.of(text, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void finds(String text, List<String> expected) {
        List<String> found = NAMES.find(text).stream()
                .map(m -> m.canonical() + "/" + m.side() + (m.aliases().isEmpty() ? "" : "=" + String.join("=", m.aliases())))
                .collect(Collectors.toList());
        assertEquals(expected, found, text);
    }

    @Test
    void spansAndTitlesPointIntoTheOriginalText() {
        String text = "Vice Chairwoman of the HCMC People's Council Phan Thị Thắng received Liu Yunshan.";
        List<NameMention> found = NAMES.find(text);
        assertEquals(2, found.size());
        NameMention phan = found.get(0);
        assertEquals("Phan Thị Thắng", text.substring(phan.start(), phan.end()));
        assertEquals("Vice Chairwoman of the HCMC People's Council", phan.title());
        assertEquals(NameMention.Cue.TITLE, phan.cue());
        NameMention liu = found.get(1);
        assertEquals("Liu Yunshan", text.substring(liu.start(), liu.end()));
        assertEquals(NameMention.Cue.MEETING, liu.cue());
        assertEquals(NameMention.Shape.PINYIN, liu.shape());
    }

    static Stream<Arguments> titles() {
        return Stream.of(
                // a title after the name stops at the verb or clause after it, written in lower case
                Arguments.of("Lê Văn Hải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã đón tiếp và hội đàm với đoàn.", "Lê Văn Hải",
                        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"),
                Arguments.of("Zhou Ming, Vice Mayor of Nanning attended the ceremony.", "Zhou Ming", "Vice Mayor of Nanning"),
                Arguments.of("Trần Thị Mai, Bí thư Thành ủy Đà Nẵng phát biểu.", "Trần Thị Mai", "Bí thư Thành ủy Đà Nẵng"),
                // without a comma (lists of attendees), it also stops before a place or a time
                Arguments.of("Cùng dự có đồng chí Hoàng Văn Tư Phó Chủ tịch UBND tỉnh; đại diện các sở.", "Hoàng Văn Tư",
                        "Phó Chủ tịch UBND tỉnh"),
                Arguments.of("He received Liu Ming Secretary of the Baise Party Committee in Baise on May 4.", "Liu Ming",
                        "Secretary of the Baise Party Committee"),
                // a dot ends the sentence after a country's name; the title does not run on
                Arguments.of("Đồng chí Lý Văn Hòa, Đại sứ Trung Quốc tại Việt Nam. Cùng dự có đồng chí Lê Văn Ba.", "Lý Văn Hòa",
                        "Đại sứ Trung Quốc tại Việt Nam"),
                // nor over the next person's name and title (whose place would give the wrong side)
                Arguments.of("He conveyed greetings of Party chief Le Van Hung, President Tran Van Ba and Premier Li Ming of China.",
                        "Le Van Hung", "Party chief"),
                Arguments.of("Zhou Ming - Chairman of the Friendship Association and delegates from Laos attended.", "Zhou Ming",
                        "Chairman of the Friendship Association"),
                // a place written right before the title is part of it
                Arguments.of("He met Yunnan Party Secretary Zhang Min in Kunming.", "Zhang Min", "Yunnan Party Secretary"),
                Arguments.of("He met Deputy Prime Minister Tran Van Son in Hanoi.", "Tran Van Son", "Deputy Prime Minister"),
                // and so is the place it is of, written right after the name
                Arguments.of("Party Secretary Zhang Min of Yunnan met them.", "Zhang Min", "Party Secretary of Yunnan"),
                Arguments.of("Party Secretary Zhang Min of the Tianjin Municipal Committee spoke.", "Zhang Min", "Party Secretary"));
    }

    @ParameterizedTest
    @MethodSource("titles")
    void readsTheTitleAsWritten(String text, String name, String title) {
        NameMention m = NAMES.find(text).stream().filter(n -> n.written().equals(name)).findFirst().orElseThrow();
        assertEquals(title, m.title(), text);
    }

    @Test
    void titleAfterTheName() {
        String text = "Nguyen Xuan Thang, a member of the Politburo of the CPV Central Committee, chairman of the Central "
                + "Theoretical Council, expressed readiness.";
        NameMention m = NAMES.find(text).get(0);
        assertEquals("Nguyen Xuan Thang", m.canonical());
        assertEquals("member of the Politburo of the CPV Central Committee, chairman of the Central Theoretical Council", m.title());
        assertEquals(NameMention.Side.VN, m.side());
    }

    @Test
    void honorificIsTheCueWhenNoTitleStandsBeside() {
        NameMention m = NAMES.find("Đồng chí Trần Cẩm Tú phát biểu.").get(0);
        assertEquals(NameMention.Cue.HONORIFIC, m.cue());
        assertEquals("", m.title());
    }

    @Test
    void pinyinGivenNamesAreCheckedAgainstTheSyllableTable() {
        assertEquals(2, NAMES.syllableCount("yunshan", 2));
        assertEquals(1, NAMES.syllableCount("bo", 2));
        assertEquals(-1, NAMES.syllableCount("said", 2));
        assertEquals(-1, NAMES.syllableCount("committee", 2));
        assertEquals(-1, NAMES.syllableCount("xiaomingzhang", 2));
        assertTrue(NAMES.find("Secretary Wang Said the delegation.").isEmpty());
    }

    @Test
    void longCapitalisedInputIsLinear() {
        String oneToken = "N" + "guyen".repeat(8000);
        String manyNames = "Secretary " + "Nguyen Van ".repeat(4000);
        String manyTitles = "Chairman of the ".repeat(2500) + "Liu Yunshan";
        assertTrue(oneToken.length() >= 40_000 && manyNames.length() >= 40_000 && manyTitles.length() >= 40_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            NAMES.find(oneToken);
            NAMES.find(manyNames);
            NAMES.find(manyTitles);
        });
    }
}
