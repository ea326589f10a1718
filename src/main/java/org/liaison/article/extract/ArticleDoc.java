package org.liaison.article.extract;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.text.AliasKey;

/**
 * One article under analysis, and what the stages found in it so far: its sentences, publication
 * date, dates, places, people and encounters, each mention with its span in the folded text
 * (map a span to the original with {@link #folded()}). Stages run in order and each adds a layer.
 */
public final class ArticleDoc {

    private static final Pattern VI_MARKS = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final ArticleInput input;
    private final Folded folded;
    private final String language;
    private final String foldedTitle;
    private final LocalDate today;
    private LocalDate published;
    private int publicationLineEnd;
    private LocalDate textReference;
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<DateMention> dates = new ArrayList<>();
    private final Map<Integer, WeekdayMention> weekdays = new HashMap<>();
    private final Set<Integer> todaySentences = new HashSet<>();
    private final Set<Integer> yesterdaySentences = new HashSet<>();
    private final List<PlaceMention> places = new ArrayList<>();
    private final List<PersonMention> persons = new ArrayList<>();
    private Encounters encounters;

    /** {@code today}: the reference date of an article without a publication date. */
    public ArticleDoc(ArticleInput input, LocalDate today) {
        this.input = input;
        String text = Normalizer.normalize(input.text() == null ? "" : input.text(), Normalizer.Form.NFC);
        this.folded = new Folded(text);
        this.language = input.language() != null ? input.language() : detectLanguage(text);
        this.foldedTitle = input.title() == null ? "" : AliasKey.fold(input.title());
        this.today = today;
    }

    public ArticleInput input() {
        return input;
    }

    public Folded folded() {
        return folded;
    }

    /** The folded text: every span of a mention indexes it. */
    public String text() {
        return folded.text;
    }

    public String language() {
        return language;
    }

    /** The title folded as a name key (words and single spaces), or "". */
    public String foldedTitle() {
        return foldedTitle;
    }

    public LocalDate today() {
        return today;
    }

    /** The publication date given or found on the page, or null. */
    public LocalDate published() {
        return published;
    }

    /** Where the page's date line ends (0 if none): what comes before is page furniture. */
    public int publicationLineEnd() {
        return publicationLineEnd;
    }

    public void setPublication(LocalDate date, int lineEnd) {
        this.published = date;
        this.publicationLineEnd = lineEnd;
    }

    /**
     * The reference for dates without a year: the publication date, else the end of the latest year
     * the text itself names (see {@link #setTextReference}), else today.
     */
    public LocalDate referenceDate() {
        return published != null ? published : textReference != null ? textReference : today;
    }

    /** Without a publication date: the reference the text's own years give, or null (then today stands in). */
    public LocalDate textReference() {
        return textReference;
    }

    public void setTextReference(LocalDate date) {
        this.textReference = date;
    }

    /** Whether a date without a year got it from nothing better than today (no publication date, no year in the text). */
    public boolean yearFromToday() {
        return published == null && textReference == null;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public Sentence sentence(int index) {
        return sentences.get(index);
    }

    public void addSentence(int start, int end) {
        String s = folded.text.substring(start, end);
        if (!s.isBlank()) {
            sentences.add(new Sentence(sentences.size(), start, end, s));
        }
    }

    /** The index of the sentence holding a folded offset (the last one past the end). */
    public int sentenceAt(int foldedOffset) {
        for (Sentence s : sentences) {
            if (s.contains(foldedOffset)) {
                return s.index();
            }
        }
        return sentences.isEmpty() ? 0 : sentences.size() - 1;
    }

    public List<DateMention> dates() {
        return dates;
    }

    /** The first weekday named in each sentence. */
    public Map<Integer, WeekdayMention> weekdays() {
        return weekdays;
    }

    /** Sentences that say "today", "this morning", "hôm nay". */
    public Set<Integer> todaySentences() {
        return todaySentences;
    }

    /** Sentences that say "yesterday", "hôm qua". */
    public Set<Integer> yesterdaySentences() {
        return yesterdaySentences;
    }

    public List<PlaceMention> places() {
        return places;
    }

    public List<PersonMention> persons() {
        return persons;
    }

    /** The encounters found, or null when the article reports no Vietnam–China exchange. */
    public Encounters encounters() {
        return encounters;
    }

    public void setEncounters(Encounters encounters) {
        this.encounters = encounters;
    }

    /** Evidence for a folded span: the original text it comes from and its original offsets. */
    public ExtractedExchange.Evidence evidence(String field, int foldedStart, int foldedEnd) {
        return new ExtractedExchange.Evidence(field, folded.originalSpan(foldedStart, foldedEnd), folded.start(foldedStart),
                folded.end(foldedEnd));
    }

    /** Evidence for a match in a passage: located in the text, or (text joined in from elsewhere, the title) without offsets. */
    public ExtractedExchange.Evidence evidence(String field, Passage passage, Matcher m) {
        int start = passage.docOffset(m.start());
        int last = m.end() > m.start() ? passage.docOffset(m.end() - 1) : start;
        if (start < 0 || last < 0) {
            return new ExtractedExchange.Evidence(field, m.group(), -1, -1);
        }
        return evidence(field, start, last + 1);
    }

    static String detectLanguage(String text) {
        Matcher m = VI_MARKS.matcher(text);
        int n = 0;
        while (m.find() && n < 50) {
            n++;
        }
        return n * 100 > Math.min(text.length(), 5000) ? "vi" : "en";
    }

    /** A name's letters carry Vietnamese diacritics. */
    public static boolean hasVietnameseMarks(String s) {
        return VI_MARKS.matcher(s).find();
    }
}
