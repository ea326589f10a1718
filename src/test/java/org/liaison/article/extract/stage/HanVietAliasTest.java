package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liaison.article.extract.ArticleExtractor;
import org.liaison.article.extract.ArticleInput;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.people.PeopleDirectory;
import org.liaison.theme.ThemeVocabulary;

/**
 * A Hán-Việt name with a Chinese title is the Chinese person: their pinyin name when the people table knows the Hán-Việt
 * form as an alias (however it is written: with or without diacritics), else the form as written, on the Chinese side.
 * The table here is the shipped one plus one made-up person, so that the test does not depend on who the table lists.
 */
class HanVietAliasTest {

    private static final String WITH_MARKS = "Sáng 5/5, tại Lào Cai, đồng chí Trần Văn Sơn, Chủ tịch UBND tỉnh tiếp đồng chí Vương Tiểu Minh, "
            + "Phó Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Vân Nam.";
    private static final String WITHOUT_MARKS = "Sang 5/5, tai Lao Cai, dong chi Tran Van Son, Chu tich UBND tinh tiep dong chi Vuong Tieu Minh, "
            + "Pho Bi thu Tinh uy, Tinh truong tinh Van Nam.";

    private static ArticleExtractor extractor(boolean withAlias) {
        PeopleDirectory people = new PeopleDirectory() {
            @Override
            public List<Seed> seeds() {
                List<Seed> seeds = new ArrayList<>(super.seeds());
                if (withAlias) {
                    seeds.add(new Seed("Wang Xiaoming", "CN", new LinkedHashSet<>(List.of("Wang Xiaoming", "Vương Tiểu Minh"))));
                }
                return seeds;
            }
        };
        return new ArticleExtractor(new Gazetteer(), people, new ThemeVocabulary(),
                Clock.fixed(Pipeline.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private static List<String> participants(ArticleExtractor extractor, String text) {
        List<ExtractedExchange> found = extractor.extract(new ArticleInput(null, null, "2024-05-06", null, null, text));
        return found.isEmpty() ? List.of() : found.get(0).participants().stream().map(p -> p.name() + " " + p.side()).toList();
    }

    @Test
    void aKnownHanVietFormIsThePinyinName() {
        ArticleExtractor extractor = extractor(true);
        assertEquals(List.of("Trần Văn Sơn VN", "Wang Xiaoming CN"), participants(extractor, WITH_MARKS));
        assertEquals(List.of("Tran Van Son VN", "Wang Xiaoming CN"), participants(extractor, WITHOUT_MARKS));
    }

    @Test
    void anUnknownHanVietFormIsKeptAsWrittenOnTheChineseSide() {
        assertEquals(List.of("Trần Văn Sơn VN", "Vương Tiểu Minh CN"), participants(extractor(false), WITH_MARKS));
    }
}
