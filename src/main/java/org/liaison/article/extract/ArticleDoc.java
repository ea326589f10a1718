package org.liaison.article.extract;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.text.AliasKey;

/**
 * One article under analysis, and what the stages found in it so far: its sentences, publication
 * date, dates, places, people and encounters, each mention with its span in the folded text
 * (map a span to the original with {@link #folded()}). Stages run in order and each adds a layer.
 *
 * <p>Each stage leaves its layer in text order (dates, places and people sorted by their start), so later stages and
 * the coders look a mention up by its offset or its sentence with a binary search ({@link #personsStartingIn},
 * {@link #datesOf}, ...) instead of walking every mention for every sentence or every other mention: that walk made a
 * long article cost the square of its length.
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
    private final Layer<PlaceMention> places = new Layer<>();
    private final Layer<PersonMention> persons = new Layer<>();
    private Encounters encounters;
    /** The furthest end of the people's mentions up to each position (they are sorted by start), for {@link #personOverlaps}. */
    private int[] personsReach;
    /** The ends of the people's mentions, in order, for {@link #lastPersonEndAtOrBefore}. */
    private int[] personEnds;
    private int personsReachVersion = -1;
    /** The places in order of their end (positions in {@link #places}), for {@link #placesEndingIn}; rebuilt when the layer changes. */
    private int[] placesByEnd;
    private int placesByEndVersion = -1;
    /** What the shared, stateless coders work out once per article (see {@link #remember}). */
    private final Map<Object, Object> remembered = new HashMap<>();

    /** A layer whose structural changes can be told (so that an index built on it is rebuilt); {@code set} keeps the spans. */
    private static final class Layer<T> extends ArrayList<T> {
        int version() {
            return modCount;
        }
    }

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

    /**
     * The index of the sentence holding a folded offset (the last one when none does: past the end, or in the blank
     * stretch a dropped sentence leaves). Sentences are in order and do not overlap: a binary search.
     */
    public int sentenceAt(int foldedOffset) {
        int i = lastStartingAtOrBefore(sentences, Sentence::start, foldedOffset);
        if (i >= 0 && sentences.get(i).contains(foldedOffset)) {
            return i;
        }
        return sentences.isEmpty() ? 0 : sentences.size() - 1;
    }

    /** Whether a sentence ends between two folded offsets: a name found by its words does not run across it. */
    public boolean sentenceEndsBetween(int from, int to) {
        return sentenceAt(from) != sentenceAt(to);
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

    /**
     * The day a sentence's weekday ("on Tuesday") or "yesterday" says, counted back from the publication date; null
     * without either or without a publication date.
     */
    public LocalDate relativeDay(int sentence) {
        if (published() == null) {
            return null;
        }
        WeekdayMention weekday = weekdays.get(sentence);
        if (weekday != null) {
            return published().with(TemporalAdjusters.previousOrSame(weekday.day()));
        }
        return yesterdaySentences.contains(sentence) ? published().minusDays(1) : null;
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

    // ---- looking mentions up by offset and sentence (each layer is sorted by start once its stage has run) ----

    /** The people whose mention starts in {@code [from, to)}, in order (a view). */
    public List<PersonMention> personsStartingIn(int from, int to) {
        return startingIn(persons, PersonMention::start, from, to);
    }

    /** The places whose mention starts in {@code [from, to)}, in order (a view). */
    public List<PlaceMention> placesStartingIn(int from, int to) {
        return startingIn(places, PlaceMention::start, from, to);
    }

    /** The dates whose mention starts in {@code [from, to)}, in order (a view). */
    public List<DateMention> datesStartingIn(int from, int to) {
        return startingIn(dates, DateMention::start, from, to);
    }

    /** The people named in sentence {@code index}, in order: a mention starts with a letter, so inside its sentence. */
    public List<PersonMention> personsOf(int index) {
        return ofSentence(persons, PersonMention::start, PersonMention::sentence, index);
    }

    /** The places named in sentence {@code index}, in order. */
    public List<PlaceMention> placesOf(int index) {
        return ofSentence(places, PlaceMention::start, PlaceMention::sentence, index);
    }

    /** The dates told in sentence {@code index}, in order. */
    public List<DateMention> datesOf(int index) {
        return ofSentence(dates, DateMention::start, DateMention::sentence, index);
    }

    /** Whether a person's mention overlaps {@code [from, to)}: the furthest end of those starting before {@code to} lies after {@code from}. */
    public boolean personOverlaps(int from, int to) {
        indexPersons();
        int before = firstStartingAt(persons, PersonMention::start, to);
        return before > 0 && personsReach[before - 1] > from;
    }

    /** The furthest end at or before {@code at} of a person's mention, or {@code Integer.MIN_VALUE} if none ends so early. */
    public int lastPersonEndAtOrBefore(int at) {
        indexPersons();
        int lo = 0;
        int hi = personEnds.length;
        while (lo < hi) { // the first end after at
            int mid = (lo + hi) >>> 1;
            if (personEnds[mid] > at) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == 0 ? Integer.MIN_VALUE : personEnds[lo - 1];
    }

    /** The nearest start at or after {@code at} of a person's mention, or {@code Integer.MAX_VALUE} if none. */
    public int firstPersonStartAtOrAfter(int at) {
        int i = firstStartingAt(persons, PersonMention::start, at);
        return i < persons.size() ? persons.get(i).start() : Integer.MAX_VALUE;
    }

    private void indexPersons() {
        if (personsReach == null || personsReachVersion != persons.version() || personsReach.length != persons.size()) {
            personsReach = new int[persons.size()];
            personEnds = new int[persons.size()];
            int reach = Integer.MIN_VALUE;
            for (int i = 0; i < personsReach.length; i++) {
                reach = Math.max(reach, persons.get(i).end());
                personsReach[i] = reach;
                personEnds[i] = persons.get(i).end();
            }
            java.util.Arrays.sort(personEnds);
            personsReachVersion = persons.version();
        }
    }

    /**
     * The places whose mention ends in {@code [from, to]}, in order. Place mentions may overlap ("huyện" + a name whose
     * last word is a place of its own), so this reads an index of the places by their end, kept for the current layer.
     */
    public List<PlaceMention> placesEndingIn(int from, int to) {
        if (placesByEnd == null || placesByEndVersion != places.version() || placesByEnd.length != places.size()) {
            Integer[] order = new Integer[places.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> places.get(a).end() != places.get(b).end()
                    ? Integer.compare(places.get(a).end(), places.get(b).end()) : Integer.compare(a, b));
            placesByEnd = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                placesByEnd[i] = order[i];
            }
            placesByEndVersion = places.version();
        }
        int lo = 0;
        int hi = placesByEnd.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (places.get(placesByEnd[mid]).end() >= from) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        List<Integer> at = new ArrayList<>();
        for (int k = lo; k < placesByEnd.length && places.get(placesByEnd[k]).end() <= to; k++) {
            at.add(placesByEnd[k]);
        }
        at.sort(null);
        List<PlaceMention> out = new ArrayList<>(at.size());
        at.forEach(i -> out.add(places.get(i)));
        return out;
    }

    /** The first index of {@code sorted} (by {@code start}) whose start is at or after {@code from}. */
    public static <T> int firstStartingAt(List<T> sorted, ToIntFunction<T> start, int from) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start.applyAsInt(sorted.get(mid)) >= from) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The elements of {@code sorted} (by {@code start}) that start in {@code [from, to)}: a view. */
    public static <T> List<T> startingIn(List<T> sorted, ToIntFunction<T> start, int from, int to) {
        int a = firstStartingAt(sorted, start, from);
        int b = Math.max(a, firstStartingAt(sorted, start, to));
        return sorted.subList(a, b);
    }

    private static int lastStartingAtOrBefore(List<Sentence> sorted, ToIntFunction<Sentence> start, int at) {
        return firstStartingAt(sorted, start, at + 1) - 1;
    }

    private <T> List<T> ofSentence(List<T> sorted, ToIntFunction<T> start, ToIntFunction<T> sentence, int index) {
        if (index < 0 || index >= sentences.size()) {
            return List.of();
        }
        Sentence s = sentences.get(index);
        List<T> out = new ArrayList<>();
        for (T t : startingIn(sorted, start, s.start(), s.end())) {
            if (sentence.applyAsInt(t) == index) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Whether a cue of {@code category} occurs in sentence {@code s}, worked out once per sentence: several coders ask
     * it of the sentence of every mention, which in a long sentence of many mentions would read it once per mention.
     */
    public boolean sentenceHas(CueBook cues, String category, Sentence s) {
        Boolean[] bySentence = remember(new SentenceCue(cues, category), () -> new Boolean[sentences.size()]);
        Boolean has = bySentence[s.index()];
        if (has == null) {
            has = cues.has(category, s.folded());
            bySentence[s.index()] = has;
        }
        return has;
    }

    private record SentenceCue(CueBook cues, String category) {
    }

    /**
     * What a shared, stateless part of the extractor works out about this article once and reads many times (a
     * mention's standing, the home unit of a side): {@code compute} runs the first time {@code key} is asked for.
     */
    @SuppressWarnings("unchecked")
    public <T> T remember(Object key, Supplier<T> compute) {
        Object v = remembered.get(key);
        if (v == null && !remembered.containsKey(key)) {
            v = compute.get();
            remembered.put(key, v);
        }
        return (T) v;
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

    /**
     * Vietnamese when more than one letter in a hundred carries a Vietnamese mark, counting at most 50 marks: so a text
     * of 5,000 characters or more is never found Vietnamese by its marks (its language comes with the request, or it is
     * read as English). The scan stops as soon as the count decides, instead of running to the end of a long text.
     */
    static String detectLanguage(String text) {
        int needed = Math.min(text.length(), 5000) / 100 + 1;
        if (needed > 50) {
            return "en";
        }
        Matcher m = VI_MARKS.matcher(text);
        int n = 0;
        while (n < needed && m.find()) {
            n++;
        }
        return n >= needed ? "vi" : "en";
    }

    /** A name's letters carry Vietnamese diacritics. */
    public static boolean hasVietnameseMarks(String s) {
        return VI_MARKS.matcher(s).find();
    }
}
