package org.liaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP's CSV-injection rule, cell by cell. */
class CsvTest {

    @Test
    void textAFormulaWouldStartWithGetsAQuote() {
        assertEquals("'=1+2", Csv.cell("=1+2"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-1", Csv.cell("-1"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"), "a carriage return also needs the quotes of RFC 4180");
        assertEquals("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"https://evil.example\",\"x\")"));
    }

    @Test
    void otherCellsAreAsBefore() {
        assertEquals("a=1", Csv.cell("a=1"), "only the first character counts");
        assertEquals(" =1", Csv.cell(" =1"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("", Csv.cell(""));
        assertEquals("", Csv.cell(null));
        assertEquals("2024-05-06", Csv.cell(java.time.LocalDate.of(2024, 5, 6)));
    }

    @Test
    void numbersAreDataNotFormulas() {
        assertEquals("-3", Csv.cell(-3));
        assertEquals("-0.25", Csv.cell(new BigDecimal("-0.25")));
        assertEquals("-3,'-3\r\n", Csv.line(Arrays.asList(-3L, "-3")));
        assertEquals("a,,'=b\r\n", Csv.line(Arrays.asList("a", null, "=b")));
        assertEquals("x\r\n", Csv.line(List.of("x")));
    }
}
