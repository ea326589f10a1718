package org.liaison.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliasKeyTest {

    /** The definition fold() had with regular expressions; the hand-written loop must give the same keys. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private static String byRegex(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        d = MARKS.matcher(d).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return NOT_ALNUM.matcher(d).replaceAll(" ").trim();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hà Nội|ha noi", "  HANOI  |hanoi", "Đồng Đăng|dong dang", "TP. Hồ Chí Minh|tp ho chi minh",
            "Pu'er|pu er", "Quảng Tây (广西)|quang tay", "İstanbul|istanbul", "Ｆｕｌｌ|''", "a\u0301b|ab",
            "--|''", "Xishuangbanna Dai Autonomous Prefecture|xishuangbanna dai autonomous prefecture" })
    void foldsCaseDiacriticsAndPunctuation(String in, String folded) {
        assertEquals(folded, AliasKey.fold(in));
        assertEquals(byRegex(in), AliasKey.fold(in));
    }

    @Test
    void everyLineOfTheDataFilesAndTheCorpusFoldsAsByTheRegularExpressions() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String dir : List.of("src/main/resources/reference", "src/main/resources/extraction", "src/test/resources/corpus")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    try {
                        for (String line : Files.readAllLines(f)) {
                            lines.add(line);
                            lines.addAll(List.of(line.split("\t")));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        int compared = 0;
        for (String s : lines) {
            assertEquals(byRegex(s), AliasKey.fold(s), () -> "fold of: " + s);
            compared++;
        }
        assertEquals(true, compared > 20_000, "lines compared: " + compared);
    }
}
