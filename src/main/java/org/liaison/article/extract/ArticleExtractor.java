package org.liaison.article.extract;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.gazetteer.LocalityRef;
import org.liaison.people.PeopleDirectory;
import org.liaison.text.AliasKey;
import org.liaison.reference.TsvFile;
import org.liaison.theme.ThemeVocabulary;

/**
 * Finds the Vietnam–China exchanges an article reports and codes them per the codebook.
 * Deterministic and explainable: every field comes from a pattern of the data files under
 * {@code extraction/} or from the gazetteer and people tables, and carries its evidence span.
 *
 * <p>The steps: fold the text (diacritics off) and split it into sentences; find dates, places
 * and people; take the sentences that report an encounter (meeting cues); decide whether the
 * article reports a bilateral exchange at all; code the main exchange from the first encounter
 * sentences, and further exchanges from clauses that report a separate, earlier or recalled
 * encounter.
 */
@Singleton
public class ArticleExtractor {

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final Pattern EN_DATE = Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?"
            + "(?:\\s*(?:-|to|and)\\s*(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern EN_DATE_DMY = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern VI_DATE_WORDS = Pattern.compile("\\bngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s+nam\\s+(\\d{4}))?");
    private static final Pattern NUM_DATE = Pattern.compile("(?<![\\d/.-])(?:(\\d{1,2})\\s*(?:den|-)\\s*)?(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{4}))?(?![\\d/])");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})[-.](\\d{2})[-.](\\d{2})\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|thu hai|thu ba|thu tu|thu nam|thu sau|thu bay|chu nhat)\\b");
    private static final Pattern RELATIVE = Pattern.compile("\\b(today|yesterday|this morning|this afternoon|hom nay|hom qua|sang nay|chieu nay)\\b");
    private static final Pattern VI_MARKS = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'’]*(?:[ \\-]\\p{Lu}[\\p{L}'’]*){1,3}");
    private static final Pattern VI_COMRADE = Pattern.compile("(?:đồng chí|Đồng chí|ông|bà|Ông|Bà)\\s+(\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){1,3})");
    private static final Pattern TITLE_WORD = Pattern.compile("\\b(secretary|chairman|chairwoman|chair|mayor|governor|president|minister"
            + "|head|director|member|deputy|vice|ambassador|consul|leader|official|comrade|mr|ms|mrs|rector|commander|bi thu|chu tich"
            + "|pho chu tich|truong ban|giam doc|uy vien|dai su|tong lanh su|vu truong|bo truong)\\b");
    private static final Pattern ABBREVIATION = Pattern.compile("\\b(mr|ms|mrs|dr|st|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\\.s)\\.$");
    /** Words of Vietnamese institutions that look like family names once diacritics are gone (Đảng/Đặng, Trưởng/Trương). */
    private static final Set<String> INSTITUTION_WORDS = Set.of("Đảng", "Cộng", "Trưởng", "Vụ", "Bộ", "Ban", "Ủy", "Uỷ", "Tỉnh",
            "Thành", "Trung", "Quốc", "Việt", "Chính", "Hội", "Nhân", "Dân", "Khu", "Sở", "Thủ", "Tổng", "Phó", "Chủ", "Tịch",
            "Bí", "Thư", "Đông", "Bắc", "Á", "Tuyên", "Truyền", "Học", "Viện", "Lãnh", "Sự", "Đại", "Sứ", "Thường", "Trực",
            "Nội", "Ngoại", "Giao", "Viên", "Đồng", "Chí", "Ảnh", "Tây", "Choang", "Tự", "Trị", "Đoàn", "Cục", "Tòa", "Nhà",
            "Nước", "Quân", "Đội", "Công", "An", "Mặt", "Trận", "Tổ", "Lực", "Lượng");
    private static final Set<String> NOT_NAME_WORDS = Set.of("party", "committee", "central", "communist", "people", "people's",
            "national", "assembly", "politburo", "secretary", "chairman", "vice", "deputy", "president", "province", "city",
            "region", "autonomous", "zhuang", "vietnam", "viet", "nam", "china", "chinese", "vietnamese", "the", "photo", "vna",
            "xinhua", "department", "commission", "council", "front", "academy", "ho", "chi", "minh", "general", "state",
            "minister", "ministry", "foreign", "affairs", "standing", "board", "political", "bureau", "municipal", "provincial",
            "mr", "ms", "mrs", "comrade", "head", "member", "government", "university", "school", "delegation", "conference");

    private final Gazetteer gazetteer;
    private final CueBook cues;
    private final ThemeLexicon lexicon;
    private final Map<String, List<Locality>> placeNames = new HashMap<>();
    private final Map<String, PeopleDirectory.Seed> personNames = new HashMap<>();
    private final Map<String, String> surnameSide = new HashMap<>();
    private int maxPlaceTokens = 1;
    private int maxPersonTokens = 1;

    @Inject
    public ArticleExtractor(Gazetteer gazetteer, PeopleDirectory people, ThemeVocabulary themes) {
        this.gazetteer = gazetteer;
        this.cues = new CueBook();
        this.lexicon = new ThemeLexicon(themes);
        for (Locality l : gazetteer.all()) {
            for (String name : Gazetteer.names(l)) {
                String key = AliasKey.fold(name);
                List<Locality> list = placeNames.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(l)) {
                    list.add(l);
                }
                maxPlaceTokens = Math.max(maxPlaceTokens, key.split(" ").length);
            }
        }
        for (PeopleDirectory.Seed s : people.seeds()) {
            for (String alias : s.aliases()) {
                String key = AliasKey.fold(alias);
                personNames.putIfAbsent(key, s);
                maxPersonTokens = Math.max(maxPersonTokens, key.split(" ").length);
            }
        }
        for (TsvFile.Row row : TsvFile.read("extraction/surnames.tsv", 2, 2)) {
            for (String s : TsvFile.list(row.cell(1))) {
                surnameSide.merge(s, row.cell(0), (a, b) -> a.equals(b) ? a : "?");
            }
        }
    }

    // ---- the analysis of one article ---------------------------------------------------------

    record Sentence(int index, int start, int end, String folded) {
    }

    record PlaceMention(Locality locality, int start, int end, int sentence, boolean dateline) {
    }

    record PersonMention(String name, String side, int start, int end, int sentence, boolean known) {
    }

    record DateMention(LocalDate date, LocalDate end, String precision, int start, int end2, int sentence, boolean hasYear) {
    }

    private final class Analysis {
        final ArticleInput input;
        final Folded f;
        final String lang;
        final LocalDate published;
        final List<Sentence> sentences = new ArrayList<>();
        final List<PlaceMention> places = new ArrayList<>();
        final List<PersonMention> persons = new ArrayList<>();
        final List<DateMention> dates = new ArrayList<>();
        final Map<Integer, String> weekdays = new HashMap<>();
        final Set<Integer> relativeToday = new HashSet<>();
        final Set<Integer> yesterday = new HashSet<>();
        int publicationLineEnd = 0;

        Analysis(ArticleInput input) {
            this.input = input;
            String text = Normalizer.normalize(input.text() == null ? "" : input.text(), Normalizer.Form.NFC);
            this.f = new Folded(text);
            this.lang = input.language() != null ? input.language() : detectLanguage(text);
            splitSentences();
            this.published = publicationDate();
            findDates();
            findPlaces();
            findPeople();
        }

        private void splitSentences() {
            String t = f.text;
            int start = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean boundary = c == '\n';
                if ((c == '.' || c == '!' || c == '?') && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))
                        && !ABBREVIATION.matcher(t.substring(Math.max(0, i - 5), i + 1)).find()) {
                    int j = i + 1;
                    while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
                        j++;
                    }
                    boundary = j < t.length() && Character.isUpperCase(f.original.charAt(f.start(j)));
                }
                // "(Photo: VNA)Beijing (VNA) –": a caption glued to the next sentence
                if (c == ')' && i + 1 < t.length() && Character.isUpperCase(f.original.charAt(f.start(i + 1)))) {
                    boundary = true;
                }
                if (boundary) {
                    addSentence(start, i + 1);
                    start = i + 1;
                }
            }
            addSentence(start, t.length());
        }

        private void addSentence(int start, int end) {
            String s = f.text.substring(start, end);
            if (!s.isBlank()) {
                sentences.add(new Sentence(sentences.size(), start, end, s));
            }
        }

        int sentenceAt(int foldedOffset) {
            for (Sentence s : sentences) {
                if (foldedOffset >= s.start() && foldedOffset < s.end()) {
                    return s.index();
                }
            }
            return sentences.isEmpty() ? 0 : sentences.size() - 1;
        }

        private LocalDate publicationDate() {
            LocalDate given = parseIso(input.published());
            // A date line at the top of the page ("date 2023-09-28", "29/09/2023 22:19", "( 2023.09.06 )").
            String head = f.text.substring(0, Math.min(f.text.length(), 400));
            Matcher iso = ISO_DATE.matcher(head);
            Matcher num = Pattern.compile("(?<![\\d/])(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})").matcher(head);
            LocalDate found = null;
            int end = 0;
            if (iso.find()) {
                found = safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                end = iso.end();
            }
            if (num.find() && (found == null || num.start() < iso.start())) {
                LocalDate d = safeDate(Integer.parseInt(num.group(3)), Integer.parseInt(num.group(2)), Integer.parseInt(num.group(1)));
                if (d != null && head.substring(Math.max(0, num.start() - 30), num.start()).matches("(?s).*(date|dang|\\d{1,2}:\\d{2}|^\\s*)\\s*:?\\s*$|(?s).*\\s$")
                        && !head.substring(Math.max(0, num.start() - 12), num.start()).contains("ngay")) {
                    found = d;
                    end = num.end();
                }
            }
            if (found != null && head.substring(0, Math.max(0, end)).matches("(?s)^\\s*date\\s+\\d{4}-\\d{2}-\\d{2}")) {
                // a "date 2023-09-28 <text>" prefix: the rest of the line is the page's content
                publicationLineEnd = end;
                return given != null ? given : found;
            }
            if (found != null) {
                publicationLineEnd = sentences.isEmpty() ? end : sentences.get(sentenceAt(Math.max(0, end - 1))).end();
                // only a line that is about the page, not the event, counts as a date line
                String line = f.text.substring(sentences.get(sentenceAt(Math.max(0, end - 1))).start(), publicationLineEnd);
                if (cues.has("meeting", line) && !line.contains("date")) {
                    publicationLineEnd = 0;
                    found = given == null ? null : given;
                }
            }
            return given != null ? given : found;
        }

        private void findDates() {
            LocalDate ref = published != null ? published : LocalDate.now();
            Matcher m = ISO_DATE.matcher(f.text);
            while (m.find()) {
                addDate(safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), null,
                        m.start(), m.end(), true);
            }
            m = EN_DATE.matcher(f.text);
            while (m.find()) {
                int month = month(m.group(1));
                int day = Integer.parseInt(m.group(2));
                Integer endDay = m.group(3) == null ? null : Integer.parseInt(m.group(3));
                Integer year = m.group(4) == null ? null : Integer.parseInt(m.group(4));
                addResolved(month, day, endDay, year, ref, m.start(), m.end());
            }
            m = EN_DATE_DMY.matcher(f.text);
            while (m.find()) {
                Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
                addResolved(month(m.group(2)), Integer.parseInt(m.group(1)), null, year, ref, m.start(), m.end());
            }
            m = VI_DATE_WORDS.matcher(f.text);
            while (m.find()) {
                Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
                addResolved(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), null, year, ref, m.start(), m.end());
            }
            m = NUM_DATE.matcher(f.text);
            while (m.find()) {
                if (overlapsDate(m.start(), m.end())) {
                    continue;
                }
                int day = Integer.parseInt(m.group(2));
                int month = Integer.parseInt(m.group(3));
                if (month < 1 || month > 12 || day < 1 || day > 31) {
                    continue;
                }
                Integer year = m.group(4) == null ? null : Integer.parseInt(m.group(4));
                Integer firstDay = m.group(1) == null ? null : Integer.parseInt(m.group(1));
                if (firstDay != null) {
                    addResolved(month, firstDay, day, year, ref, m.start(), m.end());
                } else {
                    addResolved(month, day, null, year, ref, m.start(), m.end());
                }
            }
            dates.sort((a, b) -> Integer.compare(a.start(), b.start()));
            m = WEEKDAY.matcher(f.text);
            while (m.find()) {
                int s = sentenceAt(m.start());
                weekdays.putIfAbsent(s, m.group(1));
            }
            m = RELATIVE.matcher(f.text);
            while (m.find()) {
                int s = sentenceAt(m.start());
                if (m.group(1).equals("yesterday") || m.group(1).equals("hom qua")) {
                    yesterday.add(s);
                } else {
                    relativeToday.add(s);
                }
            }
        }

        private boolean overlapsDate(int start, int end) {
            for (DateMention d : dates) {
                if (start < d.end2() && end > d.start()) {
                    return true;
                }
            }
            return false;
        }

        private void addResolved(int month, int day, Integer endDay, Integer year, LocalDate ref, int start, int end) {
            if (year != null) {
                LocalDate d = safeDate(year, month, day);
                LocalDate e = endDay == null ? null : safeDate(year, month, endDay);
                addDate(d, e, start, end, true);
                return;
            }
            // No year: the latest such day on or before the reference date (codebook: date).
            LocalDate d = safeDate(ref.getYear(), month, day);
            if (d != null && d.isAfter(ref)) {
                d = safeDate(ref.getYear() - 1, month, day);
            }
            if (d == null) {
                return;
            }
            // Without a publication date, a weekday in the same sentence settles the year.
            int s = sentenceAt(start);
            if (published == null) {
                Matcher w = WEEKDAY.matcher(sentences.get(s).folded());
                if (w.find()) {
                    DayOfWeek dow = weekday(w.group(1));
                    for (int back = 0; back < 12 && d != null && d.getDayOfWeek() != dow; back++) {
                        d = safeDate(d.getYear() - 1, month, day);
                    }
                }
            }
            LocalDate e = endDay == null || d == null ? null : safeDate(d.getYear(), month, endDay);
            addDate(d, e, start, end, false);
        }

        private void addDate(LocalDate d, LocalDate end, int start, int stop, boolean hasYear) {
            if (d == null || overlapsDate(start, stop)) {
                return;
            }
            dates.add(new DateMention(d, end != null && end.isAfter(d) ? end : null, "day", start, stop, sentenceAt(start), hasYear));
        }

        private void findPlaces() {
            for (NameHit<List<Locality>> hit : placeHits(f, true)) {
                places.add(new PlaceMention(pick(hit.value(), hit.start()), hit.start(), hit.end(), sentenceAt(hit.start()),
                        isDateline(hit.start(), hit.end())));
            }
        }

        /** A name both countries use: the country named nearest decides. */
        private Locality pick(List<Locality> hits, int at) {
            if (hits.size() == 1) {
                return hits.get(0);
            }
            String around = f.text.substring(Math.max(0, at - 60), Math.min(f.text.length(), at + 60));
            String country = cues.has("cn", around) && !around.contains("viet") ? "CN" : "VN";
            return hits.stream().filter(l -> l.country().equals(country)).findFirst().orElse(hits.get(0));
        }

        private boolean isDateline(int start, int end) {
            Sentence s = sentences.get(sentenceAt(start));
            int lineStart = f.text.lastIndexOf('\n', start) + 1;
            int from = Math.max(lineStart, s.start());
            String before = f.text.substring(from, start);
            if (before.length() > 25 || !before.matches("[\\p{L} ,.()/-]*")) {
                return false;
            }
            String after = f.text.substring(end, Math.min(f.text.length(), end + 40));
            return after.matches("(?s)^\\s*(\\([^)]{2,12}\\)\\s*)?(-|--|–|—|,\\s*(" + MONTHS + ")).*")
                    && Character.isUpperCase(f.original.charAt(f.start(start)));
        }

        private void findPeople() {
            Set<Integer> covered = new HashSet<>();
            for (NameHit<PeopleDirectory.Seed> hit : nameHits(f, personNames, maxPersonTokens, 2, true)) {
                persons.add(new PersonMention(hit.value().name(), hit.value().side(), hit.start(), hit.end(),
                        sentenceAt(hit.start()), true));
                for (int c = hit.start(); c < hit.end(); c++) {
                    covered.add(c);
                }
            }
            // Names the table does not know: "đồng chí <Name>", or a name beside a title.
            Matcher m = VI_COMRADE.matcher(f.original);
            while (m.find()) {
                addUnknown(m.group(1), m.start(1), covered);
            }
            m = NAME.matcher(f.original);
            while (m.find()) {
                String name = m.group();
                String before = f.original.substring(Math.max(0, m.start() - 60), m.start());
                String after = f.original.substring(m.end(), Math.min(f.original.length(), m.end() + 40));
                String[] parts = name.split("[ \\-]");
                String surname = AliasKey.fold(parts[0]);
                if (!surnameSide.containsKey(surname)) {
                    continue;
                }
                boolean titled = TITLE_WORD.matcher(AliasKey.fold(before.substring(Math.max(0, before.length() - 45)))).find()
                        && !before.strip().endsWith(".")
                        || after.matches("(?s)^\\s*(\\(\\w\\))?\\s*,\\s*(the |a |an )?\\p{L}.*")
                        && TITLE_WORD.matcher(AliasKey.fold(after)).find();
                if (titled) {
                    addUnknown(name, m.start(), covered);
                }
            }
            persons.sort((a, b) -> Integer.compare(a.start(), b.start()));
            places.removeIf(pl -> persons.stream().anyMatch(pm -> pl.start() < pm.end() && pl.end() > pm.start()));
        }

        private void addUnknown(String rawName, int originalStart, Set<Integer> covered) {
            String[] parts = rawName.strip().split("[ \\-]+");
            List<String> kept = new ArrayList<>();
            for (String p : parts) {
                if (INSTITUTION_WORDS.contains(p) && !(kept.isEmpty() && p.equals("Đoàn"))) {
                    return;
                }
                if (NOT_NAME_WORDS.contains(AliasKey.fold(p)) || placeNames.containsKey(AliasKey.fold(p)) && kept.isEmpty()) {
                    break;
                }
                kept.add(p);
            }
            if (kept.size() < 2) {
                return;
            }
            String name = String.join(" ", kept);
            int fStart = f.foldedOffset(originalStart);
            if (fStart < 0 || covered.contains(fStart)) {
                return;
            }
            String key = AliasKey.fold(name);
            if (personNames.containsKey(key) || placeNames.containsKey(key)) {
                return;
            }
            int fEnd = fStart + key.length();
            for (int c = fStart; c < fEnd; c++) {
                covered.add(c);
            }
            String side = sideOf(name, fStart);
            persons.add(new PersonMention(name, side, fStart, fEnd, sentenceAt(fStart), false));
        }

        /** The side of a name the table does not know: from the words around it, then from its shape. */
        private String sideOf(String name, int at) {
            String around = f.text.substring(Math.max(0, at - 80), Math.min(f.text.length(), at + name.length() + 120));
            int clauseEnd = around.indexOf(';');
            String clause = clauseEnd > 0 ? around.substring(0, clauseEnd) : around;
            boolean cn = cues.has("cn", clause);
            boolean vn = cues.has("vn", clause);
            for (PlaceMention p : places) {
                if (p.start() >= at - 80 && p.start() <= at + name.length() + 120) {
                    if (p.locality().country().equals("CN")) {
                        cn = true;
                    } else {
                        vn = true;
                    }
                }
            }
            String[] parts = AliasKey.fold(name).split(" ");
            String bySurname = surnameSide.getOrDefault(parts[0], "?");
            boolean vietnameseShape = VI_MARKS.matcher(name).find() || parts.length >= 3;
            if (vietnameseShape && !cn) {
                return "VN";
            }
            if (cn && !vn) {
                return "CN";
            }
            if (vn && !cn) {
                return "VN";
            }
            if (parts.length == 2 && bySurname.equals("CN")) {
                return "CN";
            }
            return vietnameseShape || bySurname.equals("VN") ? "VN" : "CN";
        }
    }

    // ---- extraction ----------------------------------------------------------------------------

    public List<ExtractedExchange> extract(ArticleInput input) {
        if (input == null || input.text() == null || input.text().isBlank()) {
            return List.of();
        }
        Analysis a = new Analysis(input);
        List<Sentence> events = new ArrayList<>();
        for (Sentence s : a.sentences) {
            if (!furniture(a, s) && cues.has("meeting", s.folded())) {
                events.add(s);
            }
        }
        if (events.isEmpty() || !bilateral(a, events)) {
            return List.of();
        }
        List<ExtractedExchange> out = new ArrayList<>();
        Sentence first = events.get(0);
        Set<Integer> secondary = new HashSet<>();
        List<Clause> extra = secondaryClauses(a, events, first);
        extra.forEach(c -> secondary.add(c.sentence()));
        out.add(mainExchange(a, events, secondary));
        for (Clause c : extra) {
            ExtractedExchange e = clauseExchange(a, c, out.get(0));
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The page's date line and the title repeated in the text: not the report itself. */
    private static boolean furniture(Analysis a, Sentence s) {
        if (s.end() <= a.publicationLineEnd) {
            return true;
        }
        String title = a.input.title() == null ? "" : AliasKey.fold(a.input.title());
        String t = AliasKey.fold(a.f.originalSpan(Math.max(s.start(), a.publicationLineEnd), s.end()));
        return title.length() > 10 && (t.equals(title) || t.contains(title) && t.length() < title.length() + 40);
    }

    /** The first sentence of the report proper. */
    private static Sentence lead(Analysis a) {
        for (Sentence s : a.sentences) {
            if (!furniture(a, s) && s.folded().strip().length() > 40) {
                return s;
            }
        }
        return a.sentences.get(0);
    }

    /** A Vietnam–China encounter, not a message, a multilateral forum or a third country's meeting. */
    private boolean bilateral(Analysis a, List<Sentence> events) {
        String lead = leadText(a, events);
        String title = a.input.title() == null ? "" : AliasKey.fold(a.input.title());
        String opening = a.sentences.isEmpty() ? "" : a.sentences.stream().limit(3).map(Sentence::folded).reduce("", String::concat);
        if ((cues.has("not_exchange", title) || cues.has("not_exchange", opening)) && !cues.has("meeting", title + " " + opening)) {
            return false;
        }
        if (cues.has("multilateral", lead) && !lead.contains("sidelines") && !lead.contains("ben le")) {
            return false;
        }
        if (cues.has("future", events.get(0).folded()) && !cues.has("meeting", events.get(0).folded().replaceAll(
                cues.find("future", events.get(0).folded()).group(), ""))) {
            return false;
        }
        boolean cn = false;
        boolean vn = false;
        for (PersonMention p : a.persons) {
            if (p.sentence() <= events.get(Math.min(events.size() - 1, 2)).index()) {
                cn |= p.side().equals("CN");
                vn |= p.side().equals("VN");
            }
        }
        for (PlaceMention p : a.places) {
            if (!p.dateline() && p.sentence() <= events.get(Math.min(events.size() - 1, 2)).index()) {
                cn |= p.locality().country().equals("CN");
                vn |= p.locality().country().equals("VN");
            }
        }
        cn |= cues.has("cn", lead);
        vn |= cues.has("vn", lead) || a.lang.equals("vi");
        if (cues.has("third_country", lead) && !cues.has("cn", lead)) {
            return false;
        }
        return cn && vn;
    }

    private String leadText(Analysis a, List<Sentence> events) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, events.size()); i++) {
            sb.append(events.get(i).folded()).append(' ');
        }
        return sb.toString();
    }

    record Clause(int sentence, int start, int end, String folded, boolean earlier) {
    }

    /**
     * Clauses that report a separate encounter: one that starts with "Earlier"/"Trước đó" and
     * the like, one that recalls an encounter with its own full date in another year, or the
     * items of a list of meetings with different counterparts ("chào xã giao X; hội đàm với Y").
     */
    private List<Clause> secondaryClauses(Analysis a, List<Sentence> events, Sentence first) {
        List<Clause> out = new ArrayList<>();
        LocalDate mainDate = null;
        for (DateMention d : a.dates) {
            if (d.sentence() == first.index()) {
                mainDate = d.date();
                break;
            }
        }
        for (Sentence s : events) {
            if (s == first && !s.folded().contains(";")) {
                continue;
            }
            String t = s.folded();
            // a list of meetings in one sentence
            String[] parts = t.split(";");
            if (parts.length >= 2) {
                int offset = s.start();
                List<Clause> items = new ArrayList<>();
                Set<String> counterparts = new HashSet<>();
                for (String p : parts) {
                    int cs = offset;
                    int ce = offset + p.length();
                    offset = ce + 1;
                    if (!cues.has("meeting", p)) {
                        continue;
                    }
                    String cp = a.persons.stream().filter(m -> m.side().equals("CN") && m.start() >= cs && m.start() < ce)
                            .map(PersonMention::name).findFirst().orElse(null);
                    if (cp != null && counterparts.add(cp)) {
                        items.add(new Clause(s.index(), cs, ce, p, false));
                    }
                }
                if (items.size() >= 2) {
                    // the first item is the main exchange when this is the first encounter sentence
                    out.addAll(s == first ? items.subList(1, items.size()) : items);
                    continue;
                }
            }
            if (s == first) {
                continue;
            }
            if (cues.has("earlier", t)) {
                out.add(new Clause(s.index(), s.start(), s.end(), t, true));
                continue;
            }
            for (DateMention d : a.dates) {
                if (d.sentence() == s.index() && d.hasYear() && mainDate != null && d.date().getYear() < mainDate.getYear()
                        && t.indexOf(d.start() - s.start() >= 0 ? "" : "") >= 0 && d.start() - s.start() < 40) {
                    out.add(new Clause(s.index(), s.start(), s.end(), t, false));
                    break;
                }
            }
        }
        return out;
    }

    private ExtractedExchange mainExchange(Analysis a, List<Sentence> events, Set<Integer> secondary) {
        Sentence first = events.get(0);
        List<Sentence> core = new ArrayList<>();
        for (Sentence s : events) {
            if (core.size() < 3 && !secondary.contains(s.index()) || s == first) {
                if (!core.contains(s)) {
                    core.add(s);
                }
            }
        }
        int clauseEnd = first.end();
        if (first.folded().contains(";")) {
            clauseEnd = first.start() + first.folded().indexOf(';');
        }
        // The lead usually says when and where; the encounter verb may come a sentence later.
        Sentence lead = lead(a);
        int focusStart = lead.index() < first.index() && first.index() - lead.index() <= 2 ? lead.start() : first.start();
        if (focusStart < first.start()) {
            for (Sentence s : a.sentences) {
                if (s.start() >= focusStart && s.index() < first.index() && !core.contains(s)) {
                    core.add(0, s);
                }
            }
        }
        return code(a, core, focusStart, clauseEnd, first.index(), null);
    }

    private ExtractedExchange clauseExchange(Analysis a, Clause c, ExtractedExchange main) {
        Sentence s = a.sentences.get(c.sentence());
        ExtractedExchange e = code(a, List.of(s), c.start(), c.end(), c.sentence(), main);
        return e;
    }

    /**
     * Codes one exchange from {@code core} sentences; {@code [focusStart, focusEnd)} is the
     * clause that names the encounter itself. {@code main} is given for a further exchange.
     */
    private ExtractedExchange code(Analysis a, List<Sentence> core, int focusStart, int focusEnd, int focusSentence,
            ExtractedExchange main) {
        List<ExtractedExchange.Evidence> evidence = new ArrayList<>();
        String focus = a.f.text.substring(focusStart, focusEnd);
        String coreText = String.join(" ", core.stream().map(Sentence::folded).toList());

        // format
        String format = "in_person";
        String formatText = main == null ? coreText + " " + AliasKey.fold(a.input.title() == null ? "" : a.input.title()) : focus;
        for (String fmt : List.of("hybrid", "online", "phone")) {
            Matcher m = cues.find(fmt, formatText);
            if (m != null) {
                format = fmt;
                evidenceAt(a, evidence, "format", formatText == focus ? focusStart + m.start() : -1, m.group());
                break;
            }
        }

        // kind
        String kind = "other";
        String next = core.stream().filter(c -> c.index() > focusSentence && cues.has("meeting", c.folded())).map(Sentence::folded)
                .findFirst().orElse("");
        String kindText = main == null ? focus + " " + next : focus;
        for (String k : List.of("workshop", "talks", "courtesy_call", "signing", "meeting_kind")) {
            Matcher m = cues.find(k, kindText);
            if (m != null) {
                kind = k.equals("meeting_kind") ? "meeting" : k;
                evidence.add(new ExtractedExchange.Evidence("kind", m.group(), -1, -1));
                break;
            }
        }
        if (kind.equals("other") && cues.has("meeting", kindText)) {
            kind = "meeting";
        }

        // date
        String precision = "day";
        LocalDate date = null;
        LocalDate end = null;
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] { focusStart, focusEnd });
        if (main == null) {
            // the encounter's day may be told in the next encounter sentence ("Ngày 12-11, tại tỉnh Ninh Bình, ...")
            core.stream().filter(c -> c.start() >= focusEnd && c.index() <= focusSentence + 2)
                    .forEach(c -> ranges.add(new int[] { c.start(), c.end() }));
        }
        dateSearch:
        for (int[] r : ranges) {
            for (DateMention d : a.dates) {
                if (d.start() >= r[0] && d.start() < r[1] && d.start() >= a.publicationLineEnd && !datelineDate(a, d)
                        && !(a.weekdays.containsKey(d.sentence()) && !d.hasYear() && a.published != null
                                && datelineLike(a, d))) {
                    date = d.date();
                    end = d.end();
                    evidence.add(new ExtractedExchange.Evidence("date", a.f.originalSpan(d.start(), d.end2()), a.f.start(d.start()),
                            a.f.end(d.end2())));
                    break dateSearch;
                }
            }
        }
        Sentence focusS = a.sentences.get(focusSentence);
        if (date == null && a.weekdays.containsKey(focusSentence) && a.published != null) {
            date = a.published.with(TemporalAdjusters.previousOrSame(weekday(a.weekdays.get(focusSentence))));
            evidence.add(new ExtractedExchange.Evidence("date", a.weekdays.get(focusSentence), -1, -1));
        }
        if (date == null && a.yesterday.contains(focusSentence) && a.published != null) {
            date = a.published.minusDays(1);
        }
        if (date == null && a.relativeToday.contains(focusSentence)) {
            date = datelineDate(a, focusS);
            if (date == null) {
                date = a.published;
            }
        }
        if (date == null && main == null) {
            date = datelineDate(a, focusS);
        }
        if (date == null) {
            // No day for this encounter: the month of the visit (codebook: "during the trip").
            LocalDate base = main != null ? LocalDate.parse(main.date()) : a.published;
            if (base == null && !a.dates.isEmpty()) {
                base = a.dates.get(0).date();
            }
            if (base == null) {
                base = LocalDate.now();
            }
            date = base.withDayOfMonth(1);
            precision = "month";
            end = null;
        }

        // people
        Map<String, ExtractedExchange.Participant> participants = new LinkedHashMap<>();
        Map<String, String> personLocality = new HashMap<>();
        List<PersonMention> chosen = new ArrayList<>();
        for (PersonMention p : a.persons) {
            boolean inScope;
            if (main == null) {
                Sentence s = a.sentences.get(p.sentence());
                boolean inFocus = p.start() >= focusStart && p.start() < focusEnd;
                boolean inCore = core.contains(s) && (p.sentence() != focusSentence || p.start() < focusEnd) && !secondaryOf(a, s);
                boolean near = p.start() >= focusStart && p.sentence() <= focusSentence + 8 && !secondaryOf(a, s)
                        && !(p.sentence() == focusSentence && p.start() >= focusEnd);
                boolean present = near && cues.has("present", s.folded());
                boolean background = !inFocus && cues.has("background", s.folded());
                // known people near the lead take part unless the sentence only recalls or conveys;
                // names found by title patterns only where the encounter or the attendance is told
                inScope = !background && (inFocus || inCore || present || p.known() && near);
            } else {
                inScope = p.start() >= focusStart && p.start() < focusEnd;
            }
            if (inScope) {
                chosen.add(p);
            }
        }
        for (PersonMention p : chosen) {
            if (participants.containsKey(p.name())) {
                continue;
            }
            String titles = titleOf(a, p);
            for (PersonMention other : a.persons) {
                if (titles == null && other.name().equals(p.name()) && other != p) {
                    titles = titleOf(a, other);
                }
            }
            String loc = localityOfTitle(a, p, titles);
            participants.put(p.name(), new ExtractedExchange.Participant(p.name(), p.side(), titles, null, loc));
            if (loc != null) {
                personLocality.put(p.name(), loc);
            }
            evidence.add(new ExtractedExchange.Evidence("participants", a.f.originalSpan(p.start(), p.end()), a.f.start(p.start()),
                    a.f.end(p.end())));
        }
        if (main != null) {
            // "... where Thang had a meeting": a main participant named by the short form of the name
            String clauseOriginal = a.f.originalSpan(focusStart, focusEnd);
            for (ExtractedExchange.Participant p : main.participants()) {
                String[] parts = p.name().split(" ");
                String shortName = p.side().equals("VN") ? parts[parts.length - 1] : parts[0];
                if (!participants.containsKey(p.name()) && Pattern.compile("\\b" + Pattern.quote(AliasKey.fold(shortName)) + "\\b")
                        .matcher(AliasKey.fold(clauseOriginal)).find()
                        && clauseOriginal.matches("(?s).*\\b\\p{Lu}\\p{L}*\\b.*")
                        && Pattern.compile("\\b" + Pattern.quote(shortName) + "\\b").matcher(clauseOriginal).find()) {
                    participants.put(p.name(), new ExtractedExchange.Participant(p.name(), p.side(), p.titles(), null, null));
                }
            }
        }

        // places
        Map<String, String> roles = new LinkedHashMap<>();
        LocalityRef venue = null;
        if (!format.equals("online")) {
            List<Sentence> venueSentences = new ArrayList<>();
            if (main == null) {
                core.stream().filter(c -> c.index() <= focusSentence + 1).forEach(venueSentences::add);
                a.sentences.stream().filter(c -> c.index() > focusSentence && c.index() <= focusSentence + 4
                        && Pattern.compile("\\b(visit|tham|lam viec|welcomed|don)\\b").matcher(c.folded()).find()
                        && !venueSentences.contains(c)).forEach(venueSentences::add);
                venueSentences.removeIf(c -> c.index() != focusSentence && cues.has("future", c.folded()));
            } else {
                venueSentences.add(focusS);
            }
            venue = venueOf(a, venueSentences, focusStart, focusEnd, main != null, evidence);
        }
        for (String loc : personLocality.values()) {
            roles.put(loc + "|participant", "participant");
        }
        // places acting in the encounter: beside an authority ("Secretary of the Hanoi Party Committee",
        // "Bí thư Tỉnh ủy Lạng Sơn"), a delegation, officials, or the subjects of the meeting verb
        Set<Integer> scopeSentences = new HashSet<>();
        if (main == null) {
            chosen.forEach(p -> scopeSentences.add(p.sentence()));
            core.forEach(c -> scopeSentences.add(c.index()));
        }
        for (PlaceMention p : a.places) {
            if (p.dateline()) {
                continue;
            }
            boolean inFocus = p.start() >= focusStart && p.start() < focusEnd;
            boolean inScope = inFocus || main == null && scopeSentences.contains(p.sentence()) && p.start() >= focusStart
                    && !secondaryOf(a, a.sentences.get(p.sentence()));
            if (!inScope) {
                continue;
            }
            boolean nearParticipant = inFocus || chosen.stream().anyMatch(c -> c.sentence() == p.sentence()
                    && Math.abs(c.start() - p.start()) < 120);
            Sentence ps = a.sentences.get(p.sentence());
            boolean subject = (inFocus || main == null && core.contains(ps)) && actingPlace(a, p, Math.max(focusStart, ps.start()), inFocus);
            if (authorityPlace(a, p) && nearParticipant || subject) {
                roles.put(p.locality().code() + "|participant", "participant");
            }
        }
        if (venue != null) {
            roles.put(venue.code() + "|venue", "venue");
            String around = a.f.text.substring(focusStart, focusEnd);
            if (main != null && Pattern.compile("(officials|leaders|leadership|authorities) of the (city|province)|lanh dao (thanh pho|tinh)")
                    .matcher(around).find()) {
                roles.put(venue.code() + "|participant", "participant");
            }
        }
        if (main == null) {
            for (PlaceMention p : a.places) {
                if (!p.dateline() && !roles.containsKey(p.locality().code() + "|participant")
                        && !roles.containsKey(p.locality().code() + "|venue")) {
                    roles.put(p.locality().code() + "|mentioned", "mentioned");
                }
            }
        }
        // "member of the Zhejiang provincial Party Committee and Secretary of the Hangzhou municipal Party
        // Committee": a province and its own city in one person's titles: the city is the post he acts in
        for (String k : List.copyOf(roles.keySet())) {
            if (!k.endsWith("|participant")) {
                continue;
            }
            Locality l = gazetteer.byCode(k.substring(0, k.indexOf('|')));
            if (l.parent() != null && roles.containsKey(l.parent() + "|participant")
                    && participants.values().stream().anyMatch(pp -> pp.titles() != null && titleNames(pp.titles(), l.code(), l.parent()))) {
                roles.remove(l.parent() + "|participant");
                roles.put(l.parent() + "|mentioned", "mentioned");
            }
        }
        List<ExtractedExchange.LocalityRole> localities = new ArrayList<>();
        roles.forEach((k, role) -> {
            Locality l = gazetteer.byCode(k.substring(0, k.indexOf('|')));
            localities.add(new ExtractedExchange.LocalityRole(l.code(), l.name(), l.country(), role));
        });
        String level = localities.stream().anyMatch(l -> l.role().equals("participant")) ? "locality" : "central";

        // themes: what the sides discussed, in the article body (or in the clause of a further exchange)
        List<String> themes = new ArrayList<>();
        String themeText = main == null ? themeBody(a) : focus;
        for (ThemeLexicon.Wording w : lexicon.wordings) {
            if (themes.contains(w.theme()) || !(w.language().equals("*") || w.language().equals(a.lang))) {
                continue;
            }
            Matcher m = w.pattern().matcher(themeText);
            if (m.find()) {
                themes.add(w.theme());
                int offset = main == null ? -1 : focusStart;
                evidence.add(new ExtractedExchange.Evidence("themes", m.group(), offset < 0 ? -1 : a.f.start(offset + m.start()),
                        offset < 0 ? -1 : a.f.end(offset + m.end())));
            }
        }

        double confidence = 0.4 + (participants.isEmpty() ? 0 : 0.2) + (precision.equals("day") ? 0.2 : 0)
                + (main == null ? 0.1 : 0) + (localities.isEmpty() ? 0 : 0.1);
        return new ExtractedExchange(date.toString(), end == null ? null : end.toString(), precision, format, kind, venue, level,
                List.copyOf(participants.values()), localities, themes, evidence, Math.min(1.0, confidence));
    }

    /** Both places are named in one person's titles. */
    private boolean titleNames(String titles, String city, String province) {
        Set<String> found = new HashSet<>();
        placeHits(new Folded(titles), false).forEach(h -> h.value().forEach(l -> found.add(l.code())));
        return found.contains(city) && found.contains(province);
    }

    /** A sentence that starts a separate encounter ("Earlier, ..."): its people are not the main exchange's. */
    private boolean secondaryOf(Analysis a, Sentence s) {
        return cues.has("earlier", s.folded());
    }

    /** The article body for themes: without the page furniture before the first sentence of substance. */
    private String themeBody(Analysis a) {
        StringBuilder sb = new StringBuilder();
        for (Sentence s : a.sentences) {
            if (s.end() <= a.publicationLineEnd) {
                continue;
            }
            sb.append(s.folded()).append(' ');
        }
        return sb.toString();
    }

    private static void evidenceAt(Analysis a, List<ExtractedExchange.Evidence> evidence, String field, int foldedStart, String text) {
        if (foldedStart < 0) {
            evidence.add(new ExtractedExchange.Evidence(field, text, -1, -1));
        } else {
            evidence.add(new ExtractedExchange.Evidence(field, a.f.originalSpan(foldedStart, foldedStart + text.length()),
                    a.f.start(foldedStart), a.f.end(foldedStart + text.length())));
        }
    }

    /** "BEIJING, Dec. 30 (Xinhua) --": the date of the dispatch, not of the encounter. */
    private static boolean datelineDate(Analysis a, DateMention d) {
        return datelineLike(a, d) && a.f.text.substring(d.end2(), Math.min(a.f.text.length(), d.end2() + 14))
                .matches("(?s)^\\s*(\\([^)]{2,12}\\))?\\s*(-|--|–|—).*");
    }

    private static boolean datelineLike(Analysis a, DateMention d) {
        int lineStart = Math.max(a.f.text.lastIndexOf('\n', d.start()) + 1, a.publicationLineEnd);
        String before = a.f.text.substring(Math.max(lineStart, d.start() - 30), d.start());
        return d.start() - lineStart <= 30 && before.matches("(?s)^[\\p{L} .]{2,25},\\s*$");
    }

    private LocalDate datelineDate(Analysis a, Sentence s) {
        for (DateMention d : a.dates) {
            if (d.sentence() == s.index() || d.sentence() == s.index() - 1) {
                String before = a.f.text.substring(Math.max(0, d.start() - 30), d.start());
                if (before.matches("(?s).*[a-z]+\\s*,\\s*$") || before.matches("(?s).*\\n\\s*$")) {
                    return d.date();
                }
            }
        }
        return null;
    }

    /** The title of a person as the source gives it: the words next to the name, up to the verb. */
    private String titleOf(Analysis a, PersonMention p) {
        String o = a.f.original;
        int s = a.f.start(p.start());
        int e = a.f.end(p.end());
        String after = o.substring(e, Math.min(o.length(), e + 260));
        Matcher m = Pattern.compile("^\\s*(?:\\(\\w\\)\\s*)?,\\s*(.+?)(?=;|\\.\\s|\\n|, (?:said|says|met|held|received|paid|has|had|on |in |at |who|đã|cho biết|nói)|\\s(?:said|met|held|received|paid|had|has|chaired|hosted|đã|đến|và đồng chí|làm Trưởng|dẫn đầu|phát biểu|tham dự)\\b|$)")
                .matcher(after);
        if (m.find() && TITLE_WORD.matcher(AliasKey.fold(m.group(1))).find()) {
            return m.group(1).strip().replaceAll(",$", "");
        }
        Sentence sentence = a.sentences.get(p.sentence());
        int from = Math.max(a.f.start(sentence.start()), s - 200);
        String before = o.substring(from, s);
        int cut = Math.max(Math.max(before.lastIndexOf(", "), before.lastIndexOf("; ")), before.lastIndexOf(" with "));
        int cutOf = Math.max(Math.max(before.lastIndexOf(" by "), before.lastIndexOf(" for ")), before.lastIndexOf(" to "));
        cut = Math.max(cut, cutOf);
        String t = (cut >= 0 ? before.substring(cut + (before.startsWith(", ", cut) || before.startsWith("; ", cut) ? 2 : 4)) : before).strip();
        if (!t.isEmpty() && TITLE_WORD.matcher(AliasKey.fold(t)).find() && t.length() < 200) {
            return t.replaceAll("^(the|The)\\s+", "");
        }
        return null;
    }

    /** The locality a participant acts for: a place named in the title beside an authority, else the article's home unit. */
    private String localityOfTitle(Analysis a, PersonMention p, String titles) {
        if (titles == null) {
            return null;
        }
        String ft = AliasKey.fold(titles);
        if (cues.has("not_authority", ft) || !cues.has("authority", ft)) {
            return null;
        }
        Folded tf = new Folded(titles);
        Locality found = null;
        for (NameHit<List<Locality>> hit : placeHits(tf, true)) {
            String before = tf.text.substring(Math.max(0, hit.start() - 18), hit.start());
            boolean qualifier = before.matches("(?s).*(of |)(china's|vietnam's|viet nam's|trung quoc|viet nam)\\s*$") && found != null;
            Locality l = hit.value().stream().filter(x -> x.country().equals(p.side())).findFirst().orElse(null);
            if (l != null && !qualifier) {
                found = l;
            }
        }
        if (found != null) {
            return found.code();
        }
        // "Bí thư Tỉnh ủy", "the provincial People's Committee", "Vice Mayor of the city": the article's own unit.
        if (Pattern.compile("\\b(tinh uy|thanh uy|khu uy|ubnd tinh|hdnd tinh|ubnd thanh pho|provincial|the province|the city|municipal|city party committee)\\b")
                .matcher(ft).find()) {
            boolean city = ft.contains("city") || ft.contains("mayor") || ft.contains("thanh pho") || ft.contains("thanh uy");
            return home(a, p.side(), city);
        }
        return null;
    }

    /** The unit of that side the article names most often (a city first when the title speaks of a city). */
    private String home(Analysis a, String side, boolean city) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PlaceMention p : a.places) {
            if (p.locality().country().equals(side) && !p.dateline()) {
                int w = city && p.locality().level().equals("prefecture") ? 3 : 1;
                counts.merge(p.locality().code(), w, Integer::sum);
            }
        }
        String title = a.input.title() == null ? "" : a.input.title();
        return counts.entrySet().stream().max((x, y) -> {
            int c = Integer.compare(x.getValue(), y.getValue());
            return c;
        }).map(Map.Entry::getKey).orElseGet(() -> {
            Gazetteer.Lookup l = gazetteer.resolve(title, side);
            return l.found() ? l.locality().code() : null;
        });
    }

    private static final Pattern AUTHORITY_BEFORE = Pattern.compile("\\b(secretary|chairman|chairwoman|governor|mayor|leader|leaders"
            + "|head|officials|delegation|committee|government|bi thu|chu tich|lanh dao|tinh uy|thanh uy|khu uy|ubnd|hdnd"
            + "|uy ban nhan dan|hoi dong nhan dan|chinh quyen|doan dai bieu|doan)\\b[^.;:()]{0,50}$");
    private static final Pattern AUTHORITY_AFTER = Pattern.compile("^\\s*(province'?s?|provincial|city'?s?|municipal|zhuang autonomous region'?s?"
            + "|autonomous region'?s?|region'?s?)?\\s*(communist party |cpc |cpv )?(party committee|people'?s committee|people'?s council"
            + "|people'?s government|government|delegation|officials|leaders|leadership|authorities|leader)\\b");
    private static final Pattern QUALIFIER = Pattern.compile("\\b(of |in |)(china'?s?|vietnam'?s?|viet nam'?s?|trung quoc|viet nam|the)\\s*$");

    /** A place named beside an authority that acts for it, not beside a consulate or embassy. */
    private boolean authorityPlace(Analysis a, PlaceMention p) {
        String t = a.f.text;
        Sentence s = a.sentences.get(p.sentence());
        String before = t.substring(Math.max(s.start(), p.start() - 60), p.start());
        String after = t.substring(p.end(), Math.min(s.end(), p.end() + 50));
        if (cues.has("not_authority", before.substring(Math.max(0, before.length() - 40)))) {
            return false;
        }
        // "Baise city of China's Guangxi": the second place only says where the first one is
        String near = before.substring(Math.max(0, before.length() - 25));
        for (PlaceMention q : a.places) {
            if (q.end() <= p.start() && p.start() - q.end() < 25 && QUALIFIER.matcher(near).find()
                    && t.substring(q.end(), p.start()).matches("(?s)\\s*(city|province|thanh pho|tinh)?\\s*(of|cua|,)?\\s*(china'?s?|vietnam'?s?|the|trung quoc|viet nam)?[\\s,]*(northern|southern)?\\s*")) {
                return false;
            }
        }
        if (AUTHORITY_AFTER.matcher(after).find()) {
            return true;
        }
        Matcher m = AUTHORITY_BEFORE.matcher(before);
        if (m.find()) {
            String between = before.substring(m.end(1));
            int betweenStart = p.start() - between.length();
            boolean otherPlace = a.places.stream().anyMatch(q -> q != p && q.start() >= betweenStart && q.start() < p.start());
            // "Committee in Lai Chau province" is an authority; "visit to Nanning" is not
            return !otherPlace && between.length() <= 40 && !between.matches("(?s).*\\b(in|at|tai|to)\\b.*\\b(in|at|tai)\\b.*")
                    && (!cues.has("venue_before", between) || between.matches("(?s)^\\s*(in|of)\\s.*") || between.isBlank());
        }
        return false;
    }

    /** A place that acts in the encounter: a delegation, its officials or authorities, the subject of the meeting verb. */
    private boolean actingPlace(Analysis a, PlaceMention p, int focusStart, boolean encounterClause) {
        String t = a.f.text;
        String before = t.substring(Math.max(focusStart, p.start() - 40), p.start());
        String after = t.substring(p.end(), Math.min(t.length(), p.end() + 40));
        if (cues.has("venue_before", before) || before.matches("(?s).*\\b(of|cua) (china's|vietnam's|viet nam's)\\s*$")) {
            return false;
        }
        // "talks between Cao Bang and Baise officials", "hội đàm giữa Lạng Sơn và Quảng Tây"
        if (encounterClause && Pattern.compile("\\b(between|giua)\\b[^.;]{0,60}$").matcher(before).find()
                && !cues.has("meeting", before.substring(before.lastIndexOf("between") + 1 > 0 ? before.lastIndexOf("between") + 1 : 0))) {
            return true;
        }
        if (Pattern.compile("^\\s*(city |province |provincial |municipal |zhuang autonomous region |autonomous region )?"
                + "(delegation|officials|leaders|authorities|people's committee|people's government|party committee)\\b").matcher(after).find()) {
            return true;
        }
        if (Pattern.compile("(delegation of|doan dai bieu|officials from|authorities of|people's government of|people's committee of"
                + "|ubnd|chinh quyen|lanh dao)\\s+(the\\s+)?(thanh pho |tinh |khu tu tri dan toc choang |thu do |vietnam's |china's |northern |southern |border |province of |provinces of )*$")
                .matcher(before).find()) {
            return true;
        }
        // the subjects of the meeting verb: "X and Y on <date> held talks"
        String fromStart = t.substring(focusStart, p.start());
        int dash = Math.max(fromStart.lastIndexOf(" - "), fromStart.lastIndexOf(") "));
        if (dash >= 0 && dash < 40) {
            fromStart = fromStart.substring(dash + 2); // after a dateline "Ha Giang (VNA) - "
        }
        int pEnd = p.end();
        boolean personBefore = a.persons.stream().anyMatch(pm -> pm.start() >= focusStart && pm.start() < pEnd);
        Matcher verb = cues.find("meeting", t.substring(p.end(), Math.min(t.length(), p.end() + 160)));
        return !cues.has("meeting", fromStart) && verb != null && !TITLE_WORD.matcher(fromStart).find() && !personBefore
                && fromStart.length() < 120
                && fromStart.matches("(?s)^\\s*(the |officials from |leaders of |delegations? of )?([\\p{L}' ]*\\b(provinces? of|localities of|region|cities of)\\b)?[\\p{L}' ,]*$");
    }

    /** Where it happened: a place after "in", "at", "tại" in the encounter sentences; the most specific unit. */
    private LocalityRef venueOf(Analysis a, List<Sentence> core, int focusStart, int focusEnd, boolean clauseOnly,
            List<ExtractedExchange.Evidence> evidence) {
        for (Sentence s : core) {
            int from = clauseOnly ? focusStart : s.start();
            int to = clauseOnly ? focusEnd : s.end();
            PlaceMention best = null;
            for (PlaceMention p : a.places) {
                if (p.dateline() || p.start() < from || p.start() >= to) {
                    continue;
                }
                String before = a.f.text.substring(Math.max(from, p.start() - 30), p.start());
                String near = before.replaceAll("\\b(the|northern|southern|central|capital|city of|province of|thanh pho|tinh|thu do|china's|vietnam's|viet nam's)\\b\\s*", "");
                if (cues.has("venue_before", near) && !cues.has("authority", before.substring(Math.max(0, before.length() - 14)))
                        && !cues.has("not_authority", before)) {
                    best = p;
                    // a city right after its province ("in Guangxi's Nanning", "in Nanchang city, Jiangxi") stays the most specific
                    for (PlaceMention q : a.places) {
                        if (q.start() > p.end() && q.start() - p.end() < 30 && q.locality().level().equals("prefecture")
                                && q.locality().parent() != null && q.locality().parent().equals(p.locality().code())) {
                            best = q;
                        }
                    }
                    break;
                }
            }
            if (best != null) {
                evidence.add(new ExtractedExchange.Evidence("venue", a.f.originalSpan(best.start(), best.end()),
                        a.f.start(best.start()), a.f.end(best.end())));
                return LocalityRef.of(best.locality());
            }
            // "in the southern city", "in the Vietnamese province": the unit just named
            Matcher ana = Pattern.compile("\\b(?:in|at) the (?:(vietnamese|chinese|southern|northern|central|border|coastal|capital) )?(city|province|locality)\\b")
                    .matcher(a.f.text.substring(from, to));
            if (ana.find()) {
                String country = "vietnamese".equals(ana.group(1)) ? "VN" : "chinese".equals(ana.group(1)) ? "CN" : null;
                int at = from + ana.start();
                PlaceMention nearest = null;
                for (PlaceMention p : a.places) {
                    if (p.start() < at && !p.dateline() && p.sentence() >= s.index() - 1
                            && (country == null || p.locality().country().equals(country))) {
                        nearest = p;
                        if (country == null) {
                            break; // the host's unit, named first
                        }
                    }
                }
                if (nearest == null) {
                    for (PlaceMention p : a.places) {
                        if (p.start() < at && (country == null || p.locality().country().equals(country))) {
                            nearest = p;
                        }
                    }
                }
                if (nearest != null) {
                    return LocalityRef.of(nearest.locality());
                }
            }
            // "held talks here": the place of the date line
            if (s.folded().matches("(?s).*\\b(here|tai day)\\b.*")) {
                for (PlaceMention p : a.places) {
                    if (p.dateline() || p.sentence() == s.index() && p.start() - s.start() < 30) {
                        return LocalityRef.of(p.locality());
                    }
                }
            }
        }
        return null;
    }

    // ---- helpers -------------------------------------------------------------------------------

    record NameHit<T>(T value, int start, int end) {
    }

    /**
     * The names of {@code names} in a folded text, longest match first, of {@code minTokens} words
     * or more; {@code capitalised}: proper names only, the original must start with a capital
     * ("Long An", not "long an").
     */
    private static <T> List<NameHit<T>> nameHits(Folded f, Map<String, T> names, int maxTokens, int minTokens,
            boolean capitalised) {
        List<NameHit<T>> out = new ArrayList<>();
        List<Folded.Token> tokens = f.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            for (int n = Math.min(maxTokens, tokens.size() - i); n >= minTokens; n--) {
                StringBuilder key = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    key.append(k == 0 ? "" : " ").append(tokens.get(i + k).text());
                }
                T hit = names.get(key.toString());
                int start = tokens.get(i).start();
                if (hit == null || capitalised && !Character.isUpperCase(f.original.charAt(f.start(start)))) {
                    continue;
                }
                out.add(new NameHit<>(hit, start, tokens.get(i + n - 1).end()));
                i += n - 1;
                break;
            }
        }
        return out;
    }

    /** The gazetteer names in a folded text (each with the units it may mean). */
    private List<NameHit<List<Locality>>> placeHits(Folded f, boolean capitalised) {
        return nameHits(f, placeNames, maxPlaceTokens, 1, capitalised);
    }

    static String detectLanguage(String text) {
        Matcher m = VI_MARKS.matcher(text);
        int n = 0;
        while (m.find() && n < 50) {
            n++;
        }
        return n * 100 > Math.min(text.length(), 5000) ? "vi" : "en";
    }

    static LocalDate parseIso(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static int month(String name) {
        String n = name.toLowerCase().substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(n) + 1;
    }

    static DayOfWeek weekday(String w) {
        return switch (w) {
            case "monday", "thu hai" -> DayOfWeek.MONDAY;
            case "tuesday", "thu ba" -> DayOfWeek.TUESDAY;
            case "wednesday", "thu tu" -> DayOfWeek.WEDNESDAY;
            case "thursday", "thu nam" -> DayOfWeek.THURSDAY;
            case "friday", "thu sau" -> DayOfWeek.FRIDAY;
            case "saturday", "thu bay" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
