package org.liaison.article.extract.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.liaison.article.extract.ArticleDoc;

class DateFinderTest {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvFileSource(resources = "/extraction/dates.tsv", delimiter = '\t', quoteCharacter = '\u0001')
    void findsTheDatesOfTheTable(String text, String published, String expected) {
        ArticleDoc doc = Pipeline.annotate(text, published.equals("-") ? null : published);
        assertEquals(Pipeline.list(expected), doc.dates().stream()
                .map(d -> d.date() + (d.until() == null ? "" : ".." + d.until())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\t', textBlock = """
            They met yesterday in Hanoi.	yesterday	-
            Hôm qua, hai bên đã hội đàm.	yesterday	-
            Today the two sides held talks.	today	-
            Sáng nay, hai bên hội đàm.	today	-
            This morning they met.	today	-
            On Thursday they met.	-	THURSDAY
            Vào thứ Năm, hai bên hội đàm.	-	THURSDAY
            They met on Sunday.	-	SUNDAY
            The yesterdays of history.	-	-
            A Sundayschool opened.	-	-
            """)
    void marksRelativeDaysAndWeekdaysPerSentence(String text, String relative, String weekday) {
        ArticleDoc doc = Pipeline.annotate(text, "2024-05-10");
        assertEquals(relative.equals("yesterday"), doc.yesterdaySentences().contains(0), "yesterday");
        assertEquals(relative.equals("today"), doc.todaySentences().contains(0), "today");
        if (weekday.equals("-")) {
            assertTrue(doc.weekdays().isEmpty());
        } else {
            assertEquals(DayOfWeek.valueOf(weekday), doc.weekdays().get(0).day());
        }
    }
}
