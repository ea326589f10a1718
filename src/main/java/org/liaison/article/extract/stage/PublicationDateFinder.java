package org.liaison.article.extract.stage;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Stage;

/**
 * The publication date: the one given with the article, else a date line at the top of the page
 * ("date 2023-09-28", "29/09/2023 22:19", "( 2023.09.06 )"). Also marks where that line ends:
 * what comes before is page furniture, not the report.
 */
public final class PublicationDateFinder implements Stage {

    private final CueBook cues;
    private final Pattern isoDate;
    private final Pattern numeric;
    /** What may stand before a page's numeric date: a label, a time, the line start, a space. */
    private final Pattern labelBefore;
    private final Pattern dayWordBefore;
    private final Pattern datePrefix;
    private final Pattern pageWord;
    private final Pattern enLine;
    private final CalendarWords calendar;

    public PublicationDateFinder(CueBook cues, RuleBook rules) {
        this.cues = cues;
        this.isoDate = rules.pattern("dates.iso");
        this.numeric = rules.pattern("publication.numeric");
        this.labelBefore = rules.pattern("publication.label_before");
        this.dayWordBefore = rules.pattern("publication.day_word_before");
        this.datePrefix = rules.pattern("publication.date_prefix");
        this.pageWord = rules.pattern("publication.page_word");
        this.enLine = rules.pattern("publication.en_line");
        this.calendar = new CalendarWords(rules);
    }

    @Override
    public void annotate(ArticleDoc doc) {
        LocalDate given = CalendarWords.parseIso(doc.input().published());
        String text = doc.text();
        String head = text.substring(0, Math.min(text.length(), 400));
        Matcher iso = isoDate.matcher(head);
        Matcher num = numeric.matcher(head);
        LocalDate found = null;
        int end = 0;
        if (iso.find()) {
            found = CalendarWords.safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
            end = iso.end();
        }
        if (num.find() && (found == null || num.start() < iso.start())) {
            LocalDate d = CalendarWords.safeDate(Integer.parseInt(num.group(3)), Integer.parseInt(num.group(2)),
                    Integer.parseInt(num.group(1)));
            if (d != null && labelBefore.matcher(head.substring(Math.max(0, num.start() - 30), num.start())).matches()
                    && !dayWordBefore.matcher(head.substring(Math.max(0, num.start() - 12), num.start())).find()) {
                found = d;
                end = num.end();
            }
        }
        Matcher en = enLine.matcher(head);
        if (found == null && en.find()) {
            // "(People's Daily Online) 09:42, November 18, 2024": the page's date line in English
            int g = en.group(1) != null ? 1 : 4;
            found = CalendarWords.safeDate(Integer.parseInt(en.group(g + 2)), calendar.month(en.group(g)), Integer.parseInt(en.group(g + 1)));
            end = en.end();
        }
        if (found != null && datePrefix.matcher(head.substring(0, Math.max(0, end))).matches()) {
            // a "date 2023-09-28 <text>" prefix: the rest of the line is the page's content
            doc.setPublication(given != null ? given : found, end);
            return;
        }
        int lineEnd = 0;
        if (found != null) {
            int sentence = doc.sentenceAt(Math.max(0, end - 1));
            lineEnd = doc.sentences().isEmpty() ? end : doc.sentence(sentence).end();
            // only a line that is about the page, not the event, counts as a date line
            String line = text.substring(doc.sentence(sentence).start(), lineEnd);
            if (cues.has("meeting", line) && !pageWord.matcher(line).find()) {
                lineEnd = 0;
                found = given;
            }
        }
        doc.setPublication(given != null ? given : found, lineEnd);
    }
}
