package org.liaison.article.extract.stage;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Stage;

/**
 * The publication date: the one given with the article, else a date line at the top of the page
 * ("date 2023-09-28", "29/09/2023 22:19", "( 2023.09.06 )"). Also marks where that line ends:
 * what comes before is page furniture, not the report.
 */
public final class PublicationDateFinder implements Stage {

    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d/])(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})");
    /** What may stand before a page's numeric date: a label, a time, the line start, a space. */
    private static final Pattern PAGE_DATE_LABEL = Pattern.compile("(?s).*(date|dang|\\d{1,2}:\\d{2}|^\\s*)\\s*:?\\s*$|(?s).*\\s$");
    private static final Pattern DATE_PREFIX = Pattern.compile("(?s)^\\s*date\\s+\\d{4}-\\d{2}-\\d{2}");

    private final CueBook cues;

    public PublicationDateFinder(CueBook cues) {
        this.cues = cues;
    }

    @Override
    public void annotate(ArticleDoc doc) {
        LocalDate given = CalendarWords.parseIso(doc.input().published());
        String text = doc.text();
        String head = text.substring(0, Math.min(text.length(), 400));
        Matcher iso = DateFinder.ISO_DATE.matcher(head);
        Matcher num = NUMERIC.matcher(head);
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
            if (d != null && PAGE_DATE_LABEL.matcher(head.substring(Math.max(0, num.start() - 30), num.start())).matches()
                    && !head.substring(Math.max(0, num.start() - 12), num.start()).contains("ngay")) {
                found = d;
                end = num.end();
            }
        }
        if (found != null && DATE_PREFIX.matcher(head.substring(0, Math.max(0, end))).matches()) {
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
            if (cues.has("meeting", line) && !line.contains("date")) {
                lineEnd = 0;
                found = given;
            }
        }
        doc.setPublication(given != null ? given : found, lineEnd);
    }
}
