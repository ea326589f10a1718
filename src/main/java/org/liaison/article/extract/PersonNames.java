package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.article.extract.NameMention.Cue;
import org.liaison.article.extract.NameMention.Shape;
import org.liaison.article.extract.NameMention.Side;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.reference.ReferenceDataException;
import org.liaison.reference.TsvFile;

/**
 * Finds people's names by their shape, for names the people table does not know: a family name
 * from {@code extraction/surnames.tsv} followed by Vietnamese syllables ("Phan Thị Thắng",
 * "Nguyen Xuan Phuc") or by a pinyin given name of one or two syllables ("Liu Yunshan",
 * "Dai Qi Yuan", "Xi Jin-ping", checked against {@code extraction/pinyin-syllables.tsv}).
 * A shape is only taken when something beside it makes it a person ({@code extraction/titles.tsv}):
 * a title or an organisation before it, a title after it (", a member of …"), an honorific
 * ("đồng chí", "Mr") or a verb of meeting ("received", "hội đàm với"); shapes that are places of
 * the gazetteer ("Cao Bằng", "Lạng Sơn") or the start of a longer capitalised name ("Ho Chi Minh
 * City") are not. A Vietnamese-shaped name in parentheses after a pinyin one (or the reverse) is
 * the same person's Hán-Việt form, returned as an alias.
 *
 * <p>All patterns are compiled once, here; {@link #find} scans the words of the text once and
 * looks at a bounded window around each candidate, so it runs in time linear in the text.
 */
public final class PersonNames {

    public static final String SURNAMES = Surnames.FILE;
    public static final String TITLES = "extraction/titles.tsv";
    public static final String SYLLABLES = "extraction/pinyin-syllables.tsv";
    public static final String SHAPES = "extraction/name-shapes.tsv";

    private static final Set<String> KINDS = Set.of("title", "organisation", "honorific", "meeting", "side", "connector",
            "title_end", "passing_before", "passing_after", "passing_name", "attending", "credit", "delegation",
            "delegation_head_before", "delegation_head_after");
    /** Kinds of titles.tsv that the participant coding reads (whether a named person took part), not this recogniser. */
    private static final Set<String> READ_ELSEWHERE = Set.of("passing_before", "passing_after", "passing_name", "attending", "credit", "delegation",
            "delegation_head_before", "delegation_head_after");
    /** What may stand between a name and a title after it: ", a member of …", " - Ủy viên …". */
    private static final Pattern TITLE_AFTER_LEAD = Pattern.compile(
            "\\s*(?:\\([^()\\n]{1,60}\\)\\s*)?[,\\-:]\\s*(?:(?:the|a|an|also|who is|then|now|currently|concurrently)\\s+)?");
    /** What may stand between a name and a meeting verb after it: "Nguyễn Xuân Phúc đã tiếp", "Wang Yi has met". */
    private static final Pattern MEETING_AFTER_LEAD = Pattern.compile("\\s*(?:(?:has|had|have|also|then|later|on [a-z]+|da|cung)\\s+)?");
    /** Between the segments of a title after a name: ", and head of …", ", kiêm …". */
    private static final Pattern SEGMENT_LEAD = Pattern.compile(
            ",\\s*(?:(?:and also|and|also|cum|concurrently|as well as|kiem|dong thoi la|dong thoi)\\s+)?(?:(?:the|a|an)\\s+)?");
    private static final Pattern BARE_TITLE_END = Pattern.compile("(?:in|at|on)\\b");
    private static final Pattern ALIAS_IN_PARENS = Pattern.compile("\\s*\\(\\s*");

    private record Phrase(String kind, Side side, Pattern pattern, TsvFile.Row row) {
    }

    private record Hit(Phrase phrase, int start, int end) {
    }

    /** A word of the text: folded offsets, its folded key without hyphens and apostrophes. */
    private record Word(int start, int end, String key, boolean capital, boolean marked) {
    }

    /** A name shape from word {@code first} to word {@code last} (inclusive). */
    private record Candidate(int first, int last, Shape shape, String canonical, boolean sharedSurname) {
    }

    private final Gazetteer gazetteer;
    private final Set<String> vnSurnames;
    private final Set<String> cnSurnames;
    private final Set<String> hvSurnames;
    private final Set<String> syllables = new HashSet<>();
    private final List<Phrase> titles = new ArrayList<>();
    private final List<Phrase> organisations = new ArrayList<>();
    private final List<Phrase> honorifics = new ArrayList<>();
    private final List<Phrase> meetings = new ArrayList<>();
    private final List<Phrase> sideWords = new ArrayList<>();
    private final List<Phrase> titleEnds = new ArrayList<>();
    private final Set<String> abbreviations = new HashSet<>();
    /** Lower-case unit words after which a name shape is a place ("Dong Dang town"). */
    private final Set<String> placeUnits = new HashSet<>();
    private final List<Phrase> titlesAndOrganisations = new ArrayList<>();
    private final Set<String> connectors = new HashSet<>();
    private final Pattern vietnameseSyllable;
    private final int vietnameseGivenMax;
    private final int pinyinGivenMax;
    private final int windowBefore;
    private final int windowAfter;
    private final int gapWordsMax;
    private final int longestSyllable;

    public PersonNames(Gazetteer gazetteer) {
        this(gazetteer, new Surnames());
    }

    public PersonNames(Gazetteer gazetteer, Surnames surnames) {
        this.gazetteer = gazetteer;
        this.vnSurnames = surnames.vietnamese();
        this.cnSurnames = surnames.pinyin();
        this.hvSurnames = surnames.hanViet();
        int longest = 0;
        for (TsvFile.Row row : TsvFile.read(SYLLABLES, 1, 2)) {
            String s = row.cell(0);
            if (!s.matches("[a-zü]+")) {
                throw row.error("syllable '" + s + "' must be lower case pinyin without tones");
            }
            if (!syllables.add(s)) {
                throw row.error("duplicate syllable '" + s + "'");
            }
            longest = Math.max(longest, s.length());
        }
        this.longestSyllable = longest;
        for (String s : cnSurnames) {
            if (syllableCount(s, 3) < 1) {
                throw new ReferenceDataException(SURNAMES + ": Chinese surname '" + s + "' is not pinyin (" + SYLLABLES + ")");
            }
        }
        for (TsvFile.Row row : TsvFile.read(TITLES, 3, 3)) {
            String kind = row.cell(0);
            if (!KINDS.contains(kind)) {
                throw row.error("kind must be one of " + KINDS + ", not '" + kind + "'");
            }
            Side side = switch (row.cell(1)) {
                case "VN" -> Side.VN;
                case "CN" -> Side.CN;
                case "-" -> Side.UNKNOWN;
                default -> throw row.error("side must be VN, CN or '-', not '" + row.cell(1) + "'");
            };
            if (kind.equals("side") && side == Side.UNKNOWN) {
                throw row.error("a side row needs the side VN or CN");
            }
            if (row.cell(2).isEmpty()) {
                throw row.error("empty pattern");
            }
            if (READ_ELSEWHERE.contains(kind)) {
                continue;
            }
            if (kind.equals("connector")) {
                for (String w : TsvFile.list(row.cell(2))) {
                    if (!w.matches("[a-z']+")) {
                        throw row.error("connector '" + w + "' must be one folded word");
                    }
                    connectors.add(w.replace("'", ""));
                }
                continue;
            }
            Pattern p;
            try {
                p = Pattern.compile("\\b(?:" + row.cell(2) + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern: " + e.getDescription());
            }
            if (p.matcher("").matches()) {
                throw row.error("pattern matches the empty text");
            }
            Phrase phrase = new Phrase(kind, side, p, row);
            switch (kind) {
                case "title" -> titles.add(phrase);
                case "organisation" -> organisations.add(phrase);
                case "honorific" -> honorifics.add(phrase);
                case "meeting" -> meetings.add(phrase);
                case "title_end" -> titleEnds.add(phrase);
                default -> sideWords.add(phrase);
            }
        }
        for (String kind : List.of("title", "organisation", "honorific", "meeting", "side", "title_end")) {
            if (byKind(kind).isEmpty()) {
                throw new ReferenceDataException(TITLES + ": no row of kind '" + kind + "'");
            }
        }
        titlesAndOrganisations.addAll(titles);
        titlesAndOrganisations.addAll(organisations);
        Map<String, TsvFile.Row> shapes = new HashMap<>();
        for (TsvFile.Row row : TsvFile.read(SHAPES, 2, 2)) {
            if (shapes.put(row.cell(0), row) != null) {
                throw row.error("duplicate key '" + row.cell(0) + "'");
            }
        }
        TsvFile.Row syl = required(shapes, "vietnamese_syllable");
        try {
            this.vietnameseSyllable = Pattern.compile(syl.cell(1));
        } catch (PatternSyntaxException e) {
            throw syl.error("invalid pattern: " + e.getDescription());
        }
        this.vietnameseGivenMax = number(shapes, "vietnamese_given_max", 1, 5);
        this.pinyinGivenMax = number(shapes, "pinyin_given_max", 1, 3);
        this.windowBefore = number(shapes, "window_before", 20, 1000);
        this.windowAfter = number(shapes, "window_after", 20, 2000);
        this.gapWordsMax = number(shapes, "gap_words_max", 0, 30);
        TsvFile.Row abbr = required(shapes, "abbreviations");
        for (String a : TsvFile.list(abbr.cell(1))) {
            if (!a.matches("[a-z]{1,5}")) {
                throw abbr.error("abbreviation '" + a + "' must be one folded word of 1-5 letters, without its dot");
            }
            abbreviations.add(a);
        }
        TsvFile.Row units = required(shapes, "place_units");
        for (String u : TsvFile.list(units.cell(1))) {
            if (!u.matches("[a-z]+")) {
                throw units.error("place unit '" + u + "' must be one folded word");
            }
            placeUnits.add(u);
        }
        for (String key : shapes.keySet()) {
            if (!Set.of("vietnamese_syllable", "vietnamese_given_max", "pinyin_given_max", "window_before", "window_after",
                    "gap_words_max", "abbreviations", "place_units").contains(key)) {
                throw shapes.get(key).error("unknown key '" + key + "'");
            }
        }
    }

    private List<Phrase> byKind(String kind) {
        return switch (kind) {
            case "title" -> titles;
            case "organisation" -> organisations;
            case "honorific" -> honorifics;
            case "meeting" -> meetings;
            case "title_end" -> titleEnds;
            default -> sideWords;
        };
    }

    private static TsvFile.Row required(Map<String, TsvFile.Row> shapes, String key) {
        TsvFile.Row row = shapes.get(key);
        if (row == null) {
            throw new ReferenceDataException(SHAPES + ": key '" + key + "' is required");
        }
        return row;
    }

    private static int number(Map<String, TsvFile.Row> shapes, String key, int min, int max) {
        TsvFile.Row row = required(shapes, key);
        try {
            int n = Integer.parseInt(row.cell(1));
            if (n < min || n > max) {
                throw row.error(key + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw row.error(key + " must be a whole number, not '" + row.cell(1) + "'");
        }
    }

    // ---- finding ---------------------------------------------------------------------------------

    /** The people's names in {@code text}, in the order they appear; offsets are into {@code text}. */
    public List<NameMention> find(String text) {
        return find(new Folded(text));
    }

    /** The same over a text already folded (the pipeline's), so that it is folded once; offsets are into {@code f.original}. */
    public List<NameMention> find(Folded f) {
        return new Scan(f).run();
    }

    private static final Object NO_SHAPE = new Object();

    private final class Scan {
        final Folded f;
        final List<Word> words = new ArrayList<>();
        final Map<Integer, Integer> wordEndingAt = new HashMap<>();
        final Map<String, Boolean> placeNames = new HashMap<>();
        /** The countries of the units the gazetteer resolves a title's words to, per text asked about. */
        final Map<String, Set<String>> countriesOf = new HashMap<>();
        /** Per phrase list: 1 where a phrase starts at that offset, 2 where none does, 0 not asked yet. */
        final Map<List<Phrase>, byte[]> startsAt = new java.util.IdentityHashMap<>();
        final Map<Phrase, Matcher> matchers = new java.util.IdentityHashMap<>();
        final Map<String, Integer> syllableCounts = new HashMap<>();
        /** The shape read at each word asked about ({@link #NO_SHAPE} for none). */
        final Map<Integer, Object> shapes = new HashMap<>();

        Scan(Folded f) {
            this.f = f;
            List<Folded.Token> tokens = f.tokens;
            int i = 0;
            while (i < tokens.size()) {
                int j = i;
                while (j + 1 < tokens.size() && tokens.get(j).end() + 1 == tokens.get(j + 1).start()
                        && f.text.charAt(tokens.get(j).end()) == '-') {
                    j++;
                }
                int start = tokens.get(i).start();
                int end = tokens.get(j).end();
                String key = f.text.substring(start, end).replace("-", "").replace("'", "");
                int os = f.start(start);
                int oe = f.end(end);
                boolean marked = false;
                for (int k = os; k < oe; k++) {
                    if (f.original.charAt(k) > 127 && Character.isLetter(f.original.charAt(k))) {
                        marked = true;
                        break;
                    }
                }
                words.add(new Word(start, end, key, Character.isUpperCase(f.original.charAt(os)), marked));
                wordEndingAt.put(end, words.size() - 1);
                i = j + 1;
            }
        }

        List<NameMention> run() {
            List<Candidate> candidates = candidates();
            List<NameMention> out = new ArrayList<>();
            int previousEnd = 0;
            for (int c = 0; c < candidates.size(); c++) {
                Candidate cand = candidates.get(c);
                int fs = words.get(cand.first()).start();
                int fe = words.get(cand.last()).end();
                // a name in parentheses right after this one is its other form
                List<String> aliases = new ArrayList<>();
                Candidate primary = cand;
                Candidate alias = null;
                int aliasEnd = -1;
                Matcher open = ALIAS_IN_PARENS.matcher(f.text).region(fe, Math.min(f.text.length(), fe + 4));
                if (open.lookingAt() && open.group().contains("(") && c + 1 < candidates.size()) {
                    Candidate next = candidates.get(c + 1);
                    int ns = words.get(next.first()).start();
                    int ne = words.get(next.last()).end();
                    if (ns == open.end() && f.text.substring(ne, Math.min(f.text.length(), ne + 3)).matches("\\s*\\).*")) {
                        aliases.add(written(next));
                        if (next.shape() == Shape.PINYIN && cand.shape() != Shape.PINYIN) {
                            primary = next;
                            aliases.set(0, written(cand));
                        }
                        aliasEnd = ne;
                        alias = next;
                        c++;
                    }
                }
                Context ctx = context(fs, fe, Math.max(previousEnd, 0));
                previousEnd = aliasEnd > 0 ? aliasEnd : fe;
                if (ctx == null) {
                    continue;
                }
                Side side = ctx.side;
                if (side == Side.UNKNOWN) {
                    side = shapeSide(primary);
                }
                if (alias != null && (cand.shape() == Shape.PINYIN) != (alias.shape() == Shape.PINYIN)) {
                    side = Side.CN;
                }
                Shape shape = primary.shape();
                if (shape == Shape.VIETNAMESE && side == Side.CN) {
                    shape = Shape.HAN_VIET;
                }
                out.add(new NameMention(f.start(fs), f.end(fe), written(cand), primary.canonical(), side, shape, ctx.title,
                        ctx.cue, aliases));
            }
            return out;
        }

        private Side shapeSide(Candidate c) {
            return switch (c.shape()) {
                case PINYIN -> c.sharedSurname() ? Side.UNKNOWN : Side.CN;
                case HAN_VIET -> Side.CN;
                case VIETNAMESE -> Side.VN;
            };
        }

        private String written(Candidate c) {
            return f.original.substring(f.start(words.get(c.first()).start()), f.end(words.get(c.last()).end()));
        }

        // ---- shapes ----

        private boolean inRun(int a, int b) {
            if (b >= words.size() || !words.get(b).capital()) {
                return false;
            }
            int from = words.get(a).end();
            int to = words.get(b).start();
            if (to - from < 1 || to - from > 2) {
                return false;
            }
            for (int k = from; k < to; k++) {
                char ch = f.text.charAt(k);
                if (ch != ' ' && ch != '\u00a0' && ch != '\t') {
                    return false;
                }
            }
            return true;
        }

        private List<Candidate> candidates() {
            List<Candidate> out = new ArrayList<>();
            int i = 0;
            while (i < words.size()) {
                if (!words.get(i).capital()) {
                    i++;
                    continue;
                }
                int place = placeAt(i);
                if (place > 0) {
                    i += place;
                    continue;
                }
                if (startsPhrase(honorifics, words.get(i).start())) {
                    i++; // "Ông Nguyễn Văn Nên": the honorific, not the family name Ông
                    continue;
                }
                int inside = inRun(i, i + 1) ? capitalisedPhraseEnd(i) : -1;
                if (inside > i + 1) {
                    i = inside; // "Bộ Công Thương Nguyễn Hồng Diên": Thương ends the ministry's name, it starts no person's
                    continue;
                }
                Candidate c = shapeAt(i);
                if (c == null) {
                    i++;
                    continue;
                }
                int next = c.last() + 1;
                boolean continues = inRun(c.last(), next) && !startsPhrase(titlesAndOrganisations, words.get(next).start())
                        && !startsPhrase(meetings, words.get(next).start());
                if (continues || startsPhrase(titlesAndOrganisations, words.get(i).start())) {
                    i++; // "Ho Chi Minh City", "Đảng Cộng sản": not a name here, but one may start further on
                    continue;
                }
                if (isPlace(written(c)) || placeUnitAfter(c.last())) {
                    i = next;
                    continue;
                }
                out.add(c);
                i = next;
            }
            return out;
        }

        /** The word after word {@code last}, one space on, is a place's unit written in lower case ("… Dong Dang town"). */
        private boolean placeUnitAfter(int last) {
            int n = last + 1;
            if (n >= words.size() || words.get(n).capital() || words.get(n).start() != words.get(last).end() + 1) {
                return false;
            }
            return placeUnits.contains(words.get(n).key());
        }

        /** Words from {@code i} (2 or 3 of them, in one run) that name a place of the gazetteer: their count, or 0. */
        private int placeAt(int i) {
            for (int n = 3; n >= 2; n--) {
                int last = i + n - 1;
                boolean run = true;
                for (int k = i; k < last && run; k++) {
                    run = inRun(k, k + 1);
                }
                if (run && last < words.size()
                        && isPlace(f.original.substring(f.start(words.get(i).start()), f.end(words.get(last).end())))) {
                    return n;
                }
            }
            return 0;
        }

        /** Whether the gazetteer resolves the words; asked once per distinct text (a long page repeats its names). */
        private boolean isPlace(String name) {
            return placeNames.computeIfAbsent(name, n -> !gazetteer.resolve(n, null).candidates().isEmpty());
        }

        /** {@link PersonNames#syllableCount} of a word, worked out once per word and bound (a page repeats its names). */
        private int syllables(String word, int max) {
            return syllableCounts.computeIfAbsent(max + ":" + word, k -> syllableCount(word, max));
        }

        /** The name shape starting at word {@code i}, or null; a word is asked about as a candidate and again inside titles. */
        private Candidate shapeAt(int i) {
            Object known = shapes.get(i);
            if (known == null) {
                Candidate c = readShapeAt(i);
                shapes.put(i, c == null ? NO_SHAPE : c);
                return c;
            }
            return known == NO_SHAPE ? null : (Candidate) known;
        }

        private Candidate readShapeAt(int i) {
            Word w = words.get(i);
            String k = w.key();
            Candidate pinyin = null;
            Candidate vietnamese = null;
            if (cnSurnames.contains(k) && !w.marked() && (inRun(i, i + 1) || lowerGiven(i)) && !words.get(i + 1).marked()) {
                Word g = words.get(i + 1);
                int n = syllables(g.key(), pinyinGivenMax);
                if (n >= 1 && n <= pinyinGivenMax && (g.capital() || n == 2)) {
                    int last = i + 1;
                    String given = g.key();
                    if (n == 1 && pinyinGivenMax >= 2 && inRun(i + 1, i + 2) && !words.get(i + 2).marked()
                            && syllables(words.get(i + 2).key(), 1) == 1 && !inRun(i + 2, i + 3)) {
                        last = i + 2;
                        given += words.get(i + 2).key();
                    }
                    pinyin = new Candidate(i, last, Shape.PINYIN, capitalise(k) + " " + capitalise(given),
                            vnSurnames.contains(k) && allVietnamese(i + 1, last));
                }
            }
            if (vnSurnames.contains(k) || hvSurnames.contains(k)) {
                int last = i;
                for (int j = i + 1; j - i <= vietnameseGivenMax && inRun(j - 1, j); j++) {
                    Word g = words.get(j);
                    if (!vietnameseSyllable.matcher(g.key()).matches() || startsPhrase(titlesAndOrganisations, g.start())
                            || startsPhrase(sideWords, g.start())) {
                        break;
                    }
                    last = j;
                }
                if (last > i) {
                    Shape shape = vnSurnames.contains(k) ? Shape.VIETNAMESE : Shape.HAN_VIET;
                    String written = f.original.substring(f.start(w.start()), f.end(words.get(last).end())).replaceAll("\\s+", " ");
                    vietnamese = new Candidate(i, last, shape, written, false);
                }
            }
            if (pinyin == null) {
                return vietnamese;
            }
            if (vietnamese == null) {
                return pinyin;
            }
            boolean marked = false;
            for (int j = i; j <= vietnamese.last(); j++) {
                marked |= words.get(j).marked();
            }
            return marked || vietnamese.last() > pinyin.last() ? vietnamese : pinyin;
        }

        /** "Mr. Lu xinshe": a given name written in lower case, after one space; taken only when it is two pinyin syllables. */
        private boolean lowerGiven(int i) {
            return i + 1 < words.size() && !words.get(i + 1).capital() && words.get(i + 1).start() == words.get(i).end() + 1
                    && f.text.charAt(words.get(i).end()) == ' ';
        }

        private boolean allVietnamese(int from, int to) {
            for (int j = from; j <= to; j++) {
                if (!vietnameseSyllable.matcher(words.get(j).key()).matches()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The word after a title or organisation name that starts at word {@code i} and is written capitalised in every
         * word ("Bộ Công Thương", "Party Secretary"), or -1: its last word is part of the name of the body, not a family
         * name, even when it is spelt like one. A name with a lower-case word ("Bộ trưởng", "Tỉnh ủy") is not skipped, so
         * that a pattern reaching over a following word cannot swallow the name after it.
         */
        private int capitalisedPhraseEnd(int i) {
            int at = words.get(i).start();
            int end = -1;
            boolean any = false;
            for (Phrase p : titlesAndOrganisations) {
                Matcher m = matcher(p).region(at, Math.min(f.text.length(), at + 80));
                if (m.lookingAt()) {
                    end = Math.max(end, m.end());
                    any = true;
                }
            }
            startsAt.computeIfAbsent(titlesAndOrganisations, k -> new byte[f.text.length() + 1])[at] = (byte) (any ? 1 : 2);
            int j = i;
            while (j < words.size() && words.get(j).end() <= end) {
                if (!words.get(j).capital() || j > i && !inRun(j - 1, j)) {
                    return -1;
                }
                j++;
            }
            return end > 0 && j > i && words.get(j - 1).end() == end ? j : -1;
        }

        /**
         * Whether a phrase of the list starts at folded offset {@code at}. The same offsets are asked about again and again
         * (a word as a candidate's next word, as a title's start, as a name's start), so each answer is kept.
         */
        private boolean startsPhrase(List<Phrase> phrases, int at) {
            byte[] known = startsAt.computeIfAbsent(phrases, k -> new byte[f.text.length() + 1]);
            if (known[at] == 0) {
                known[at] = 2;
                for (Phrase p : phrases) {
                    if (matcher(p).region(at, Math.min(f.text.length(), at + 80)).lookingAt()) {
                        known[at] = 1;
                        break;
                    }
                }
            }
            return known[at] == 1;
        }

        /** The phrase's matcher on the folded text (transparent bounds), made once per scan and only used for one look at a time. */
        private Matcher matcher(Phrase p) {
            return matchers.computeIfAbsent(p, k -> k.pattern().matcher(f.text).useTransparentBounds(true));
        }

        // ---- context ----

        private final class Context {
            Cue cue;
            String title = "";
            Side side = Side.UNKNOWN;
        }

        /** What beside the name at folded [fs, fe) makes it a person, or null if nothing does. */
        private Context context(int fs, int fe, int previousEnd) {
            Context ctx = new Context();
            int ws = Math.max(previousEnd, sentenceStart(fs));
            // before: a chain of titles, organisations, honorifics and gap words ending at the name
            int pos = skipSeparatorsBack(fs, ws);
            if (joinedToTheOneBefore(pos, ws) && titleAfter(fe) != null) {
                pos = ws; // "Yang Shunhua, vice governor of Yunnan, and Lo Van Tien, chairman of ...": the title before is Yang's
            }
            // the phrases before the name are searched only when something stands there (not for a name right after another)
            Map<Integer, Hit> longestEndingAt = pos > ws ? phrasesBefore(ws, fs) : Map.of();
            int gaps = 0;
            Hit leftmost = null;
            int titleEnd = -1;
            Side explicit = Side.UNKNOWN;
            boolean title = false;
            boolean organisation = false;
            boolean honorific = false;
            while (pos > ws) {
                Hit h = longestEndingAt.get(pos);
                if (h != null && h.start() >= ws) {
                    switch (h.phrase().kind()) {
                        case "title" -> title = true;
                        case "organisation" -> organisation = true;
                        default -> honorific = true;
                    }
                    if (!h.phrase().kind().equals("honorific")) {
                        leftmost = h;
                        if (titleEnd < 0) {
                            titleEnd = h.end();
                        }
                        if (explicit == Side.UNKNOWN) {
                            explicit = h.phrase().side();
                        }
                    }
                    pos = skipSeparatorsBack(h.start(), ws);
                    continue;
                }
                if (f.text.charAt(pos - 1) == '.' && pos < f.text.length() && Character.isLetter(f.text.charAt(pos))) {
                    pos--; // "TP.Hoài Bắc"
                    continue;
                }
                if (f.text.charAt(pos - 1) == ')' && gaps < gapWordsMax) {
                    int open = lastOpeningWithin(pos, Math.max(ws, pos - 60));
                    if (open >= ws && pos - open <= 60 && f.text.indexOf(')', open) == pos - 1) {
                        gaps++;
                        pos = skipSeparatorsBack(open, ws);
                        continue;
                    }
                }
                Integer wi = wordEndingAt.get(pos);
                if (wi == null || gaps >= gapWordsMax) {
                    break;
                }
                Word w = words.get(wi);
                if (w.start() < ws || !(w.capital() || connectors.contains(w.key()) || Character.isDigit(w.key().charAt(0)))) {
                    break;
                }
                if (titleEnd < 0 && leftmost == null && honorific) {
                    break; // an honorific stands right before the name, not before other words
                }
                gaps++;
                pos = skipSeparatorsBack(w.start(), ws);
            }
            if (title || organisation) {
                ctx.cue = title ? Cue.TITLE : Cue.ORGANISATION;
                int end = lastTitleWordEnd(fs, ws, honorific);
                int start = placeBefore(leftmost.start(), ws);
                ctx.title = trimTitle(f.originalSpan(start, Math.max(end, titleEnd)));
                // the side words before the title belong to it too ("Vietnam's Trade Counsellor in China")
                ctx.side = explicit != Side.UNKNOWN ? explicit : sideOf(Math.min(start, pos), Math.max(end, titleEnd));
                int[] of = placeAfter(fe);
                if (of != null) { // "Party Secretary Chen Mingyu of Guangxi": the place the title is of
                    ctx.title = ctx.title + " " + f.originalSpan(of[0], of[1]);
                    if (ctx.side == Side.UNKNOWN) {
                        ctx.side = sideOf(of[0], of[1]);
                    }
                }
            } else if (honorific) {
                ctx.cue = Cue.HONORIFIC;
            }
            // after: ", a member of …"
            if (ctx.cue == null || ctx.side == Side.UNKNOWN) {
                int[] after = titleAfter(fe);
                if (after != null) {
                    if (ctx.cue == null || ctx.cue == Cue.HONORIFIC) {
                        ctx.cue = ctx.cue == null ? Cue.TITLE : ctx.cue;
                        ctx.title = trimTitle(f.originalSpan(after[0], after[1]));
                    }
                    Side s = explicitSide(after[0], after[1]);
                    ctx.side = s != Side.UNKNOWN ? s : sideOf(after[0], after[1]);
                }
            }
            if (ctx.cue == null && (meetingEndsAt(fs, ws) || meetingStartsAt(fe))) {
                ctx.cue = Cue.MEETING;
            }
            return ctx.cue == null ? null : ctx;
        }

        /** The titles, organisations and forms of address in {@code [ws, fs)}: at each end, the one starting first. */
        private Map<Integer, Hit> phrasesBefore(int ws, int fs) {
            List<Hit> hits = new ArrayList<>();
            for (List<Phrase> kind : List.of(titles, organisations, honorifics)) {
                for (Phrase p : kind) {
                    Matcher m = matcher(p).region(ws, fs);
                    while (m.find()) {
                        hits.add(new Hit(p, m.start(), m.end()));
                    }
                }
            }
            Map<Integer, Hit> longestEndingAt = new HashMap<>();
            for (Hit h : hits) {
                longestEndingAt.merge(h.end(), h, (a, b) -> a.start() <= b.start() ? a : b);
            }
            return longestEndingAt;
        }

        /** " of Guangxi" right after the name: its folded span ("of" included), or null. */
        private int[] placeAfter(int fe) {
            Integer wi = wordStartingAt(fe + 1);
            if (wi == null || f.text.charAt(fe) != ' ' || !words.get(wi).key().equals("of")) {
                return null;
            }
            int first = wi + 1;
            if (first < words.size() && words.get(first).key().equals("the") && words.get(first).start() == words.get(wi).end() + 1) {
                first++;
            }
            if (first >= words.size() || !words.get(first).capital() || words.get(first).start() > words.get(first - 1).end() + 1) {
                return null;
            }
            int n = placeAt(first);
            if (n == 0 && isPlace(f.original.substring(f.start(words.get(first).start()), f.end(words.get(first).end())))) {
                n = 1;
            }
            if (n == 0 || inRun(first + n - 1, first + n)) {
                return null; // "of the Tianjin Municipal Committee": a body's name, not a place alone
            }
            return new int[] { words.get(wi).start(), words.get(first + n - 1).end() };
        }

        /** "Yunnan Party Secretary Wang Ning": a place written right before the title is part of it; where the title then starts. */
        private int placeBefore(int titleStart, int ws) {
            Integer last = wordEndingAt.get(skipSeparatorsBack(titleStart, ws) == titleStart - 1 ? titleStart - 1 : -1);
            if (last == null) {
                return titleStart;
            }
            for (int n = 3; n >= 1; n--) {
                int first = last - n + 1;
                if (first < 0 || words.get(first).start() < ws) {
                    continue;
                }
                boolean run = words.get(first).capital();
                for (int k = first; k < last && run; k++) {
                    run = inRun(k, k + 1);
                }
                if (run && isPlace(f.original.substring(f.start(words.get(first).start()), f.end(words.get(last).end())))) {
                    return words.get(first).start();
                }
            }
            return titleStart;
        }

        /** The end of the title words before the name (the name itself, or an honorific between them, left out). */
        private int lastTitleWordEnd(int fs, int ws, boolean honorific) {
            int end = skipSeparatorsBack(fs, ws);
            if (honorific) {
                for (Phrase p : honorifics) {
                    Matcher m = matcher(p).region(ws, end);
                    int last = -1;
                    while (m.find()) {
                        if (m.end() == end) {
                            last = m.start();
                        }
                    }
                    if (last >= 0) {
                        return skipSeparatorsBack(last, ws);
                    }
                }
            }
            return end;
        }

        private String trimTitle(String s) {
            return s.replaceAll("^[\\s,:;\\-–—]+|[\\s,:;\\-–—]+$", "").replaceAll("\\s+", " ");
        }

        /** "…, and" / "… và" right before a name: it joins the name to the one before, and the title before is that one's. */
        private boolean joinedToTheOneBefore(int pos, int ws) {
            Integer wi = wordEndingAt.get(pos);
            if (wi == null) {
                return false;
            }
            Word w = words.get(wi);
            return w.start() >= ws && (w.key().equals("and") || w.key().equals("va"));
        }

        private int skipSeparatorsBack(int pos, int ws) {
            while (pos > ws && " \t\u00a0,:-".indexOf(f.text.charAt(pos - 1)) >= 0) {
                pos--;
            }
            return pos;
        }

        /** Where the sentence holding folded offset {@code at} starts, looking back at most window_before characters. */
        private int sentenceStart(int at) {
            int limit = Math.max(0, at - windowBefore);
            for (int k = at - 1; k >= limit; k--) {
                if (isBoundary(k)) {
                    return k + 1;
                }
            }
            return limit;
        }

        private boolean isBoundary(int k) {
            char ch = f.text.charAt(k);
            if (ch == '\n' || ch == ';' || ch == '!' || ch == '?' || ch == '"' || ch == '“' || ch == '”') {
                return true;
            }
            if (ch != '.' || k + 1 < f.text.length() && !Character.isWhitespace(f.text.charAt(k + 1))) {
                return false;
            }
            Integer wi = wordEndingAt.get(k);
            if (wi == null) {
                return true;
            }
            Word w = words.get(wi);
            return !(w.capital() && abbreviations.contains(w.key())); // "Mr.", "Dr.", "TP.", "Gen."; not "Việt Nam."
        }

        private int[] titleAfter(int fe) {
            int limit = Math.min(f.text.length(), fe + windowAfter);
            Matcher lead = TITLE_AFTER_LEAD.matcher(f.text).region(fe, limit);
            int p;
            boolean bare = !lead.lookingAt();
            if (!bare) {
                p = lead.end();
            } else {
                // "Hoàng Minh Cường Phó Chủ tịch UBND thành phố": lists of attendees often leave the comma out
                p = skipSpaces(fe);
                Integer wi = wordStartingAt(p);
                if (p == fe || wi == null || !words.get(wi).capital()) {
                    return null;
                }
            }
            if (!startsPhrase(titles, p)) {
                return null;
            }
            int end = p;
            int k = p;
            while (k < limit) {
                char ch = f.text.charAt(k);
                if (isBoundary(k) && ch != '(' && ch != ')') {
                    break;
                }
                if (k > p && Character.isWhitespace(f.text.charAt(k - 1)) && (endsTitle(k) || bare && BARE_TITLE_END.matcher(f.text)
                        .region(k, Math.min(limit, k + 4)).lookingAt() || nameStartsAt(k))) {
                    break; // a title written without a comma ends before a place or time: "… Wang Ning Secretary of X in Kunming"
                }
                if (ch == ',') {
                    Matcher seg = SEGMENT_LEAD.matcher(f.text).region(k, limit);
                    if (!seg.lookingAt()) {
                        break;
                    }
                    int next = seg.end();
                    if (seg.group().contains("and") && nameBeforeComma(next, limit)) {
                        break; // "Pan Jiaming, director-general of ..., and Vietnamese Ambassador to China Pham Thanh Binh": another person's
                    }
                    Integer wi = wordStartingAt(next);
                    boolean more = startsPhrase(titlesAndOrganisations, next) || wi != null && words.get(wi).capital()
                            && shapeAt(wi) == null;
                    if (!more) {
                        break;
                    }
                }
                k++;
                if (ch != ' ' && ch != ',') {
                    end = k;
                }
            }
            return new int[] { p, end };
        }

        /**
         * Another person's name starts at folded offset {@code k} ("A, President B and …"): the title of A ends before it.
         * Not a place ("Lao Cai") nor the start of a longer capitalised name ("Ho Chi Minh National Academy").
         */
        /** A name starts at a word of folded [from, limit) before the next comma or boundary. */
        private boolean nameBeforeComma(int from, int limit) {
            for (int k = from; k < limit; k++) {
                char ch = f.text.charAt(k);
                if (ch == ',' || isBoundary(k)) {
                    return false;
                }
                if ((k == from || Character.isWhitespace(f.text.charAt(k - 1))) && nameStartsAt(k)) {
                    return true;
                }
            }
            return false;
        }

        private boolean nameStartsAt(int k) {
            Integer wi = wordStartingAt(k);
            if (wi == null || !words.get(wi).capital() || placeAt(wi) > 0) {
                return false;
            }
            Candidate c = shapeAt(wi);
            if (c == null) {
                return false;
            }
            int next = c.last() + 1;
            return !(inRun(c.last(), next) && !startsPhrase(titlesAndOrganisations, words.get(next).start())
                    && !startsPhrase(meetings, words.get(next).start()));
        }

        /**
         * A verb or clause word at folded offset {@code k} ends a title after a name ("…, Chủ tịch UBND tỉnh đã đón …",
         * "…, Chairman of X attended …"), and so do a form of address or a meeting verb. Only written in lower case: a
         * capitalised word there is part of a name ("Đà Nẵng" is no "đã").
         */
        private boolean endsTitle(int k) {
            if (!Character.isLowerCase(f.original.charAt(f.start(k)))) {
                return false;
            }
            return startsPhrase(titleEnds, k) || startsPhrase(honorifics, k) || startsPhrase(meetings, k);
        }

        /** The last '(' in {@code [floor, before)}, or -1: a bracket further back is too far for a gap word. */
        private int lastOpeningWithin(int before, int floor) {
            for (int k = before - 1; k >= floor; k--) {
                if (f.text.charAt(k) == '(') {
                    return k;
                }
            }
            return -1;
        }

        /** The index of the first word starting at or after folded offset {@code at} (words.size() if none). */
        private int firstWordFrom(int at) {
            int lo = 0;
            int hi = words.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (words.get(mid).start() >= at) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        private Integer wordStartingAt(int at) {
            // words are few per window; a binary search keeps it logarithmic
            int lo = 0;
            int hi = words.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int s = words.get(mid).start();
                if (s == at) {
                    return mid;
                } else if (s < at) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return null;
        }

        private boolean meetingEndsAt(int fs, int ws) {
            int end = fs;
            while (end > ws && Character.isWhitespace(f.text.charAt(end - 1))) {
                end--;
            }
            for (Phrase p : meetings) {
                Matcher m = matcher(p).region(ws, end);
                while (m.find()) {
                    if (m.end() == end) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean meetingStartsAt(int fe) {
            Matcher lead = MEETING_AFTER_LEAD.matcher(f.text).region(fe, Math.min(f.text.length(), fe + 30));
            int p = lead.lookingAt() ? lead.end() : fe;
            return startsPhrase(meetings, p) || startsPhrase(meetings, skipSpaces(fe));
        }

        private int skipSpaces(int p) {
            while (p < f.text.length() && Character.isWhitespace(f.text.charAt(p))) {
                p++;
            }
            return p;
        }

        private Side explicitSide(int from, int to) {
            for (Phrase p : titles) {
                if (p.side() != Side.UNKNOWN && matcher(p).region(from, to).find()) {
                    return p.side();
                }
            }
            return Side.UNKNOWN;
        }

        /**
         * The side the title text at folded [from, to) tells: its first gazetteer place or side word, whichever comes first
         * ("Vietnam's Trade Counsellor in China": Vietnamese).
         */
        private Side sideOf(int from, int to) {
            int first = Integer.MAX_VALUE;
            Side side = Side.UNKNOWN;
            for (Phrase p : sideWords) {
                Matcher m = matcher(p).region(from, to);
                if (m.find() && m.start() < first) {
                    first = m.start();
                    side = p.side();
                }
            }
            for (int i = firstWordFrom(from); i < words.size(); i++) {
                Word w = words.get(i);
                if (w.start() < from || !w.capital()) {
                    continue;
                }
                if (w.end() > to || w.start() >= first) {
                    break;
                }
                for (int n = 3; n >= 1; n--) {
                    int last = i + n - 1;
                    if (last >= words.size() || words.get(last).end() > to) {
                        continue;
                    }
                    String name = f.original.substring(f.start(w.start()), f.end(words.get(last).end()));
                    Set<String> countries = countriesOf.computeIfAbsent(name, k -> {
                        Set<String> c = new HashSet<>();
                        for (Locality l : gazetteer.resolve(k, null).candidates()) {
                            c.add(l.country());
                        }
                        return c;
                    });
                    if (countries.size() == 1) {
                        return countries.contains("CN") ? Side.CN : Side.VN;
                    }
                }
            }
            return side;
        }
    }

    // ---- pinyin ------------------------------------------------------------------------------------

    /** The fewest pinyin syllables {@code s} splits into, if at most {@code max}; else -1. */
    int syllableCount(String s, int max) {
        if (s.isEmpty() || s.length() > longestSyllable * max) {
            return -1;
        }
        int[] best = new int[s.length() + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int i = 0; i < s.length(); i++) {
            if (best[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(s.length(), i + longestSyllable); j++) {
                if (syllables.contains(s.substring(i, j))) {
                    best[j] = Math.min(best[j], best[i] + 1);
                }
            }
        }
        int n = best[s.length()];
        return n <= max ? n : -1;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
