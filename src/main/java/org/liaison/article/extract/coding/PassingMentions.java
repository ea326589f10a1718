package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PersonNames;
import org.liaison.article.extract.Regions;
import org.liaison.reference.ReferenceDataException;
import org.liaison.reference.TsvFile;
import org.liaison.text.AliasKey;

/**
 * Whether a mention of a person only names them in passing, and whether it stands in a list of those who took part;
 * the wordings are rows of {@code extraction/titles.tsv}. In passing: the sender or addressee of greetings ("conveyed
 * General Secretary Tô Lâm's greetings to Xi Jinping", "chuyển lời thăm hỏi của … tới …"), those whose common
 * perceptions or agreements are cited ("the common perception between General Secretary Nguyen Phu Trong and …"), the
 * one on whose behalf another acts, the dead ("the late President …") and the founders history books name
 * ({@code passing_name}). A construction before the name reaches over the name's title and a form of address, and on
 * over "and"/"và"/"tới" to the next name ("between A, and B", "của A tới B"); a comma without "and" ends it, so that in
 * "On behalf of A, B received …" only A is in passing.
 */
final class PassingMentions {

    private static final Set<String> KINDS = Set.of("passing_before", "passing_after", "passing_name", "attending", "honorific", "credit");
    /** What may join two names under one construction: "A and B", "A, and B", "của A tới B". */
    private static final Pattern JOINER = Pattern.compile("(?:,\\s*)?\\b(?:and|va|cung|to|toi|den)\\s*$");
    private static final Pattern JOINING_WORD = Pattern.compile("(?:and|va|to|toi|den)\\b");
    private static final Pattern ARTICLE = Pattern.compile("\\b(?:the|a|an)\\s*$");
    /** Between a credit line's colon and a name: other names ("A, B and C"), folded, no sentence. */
    private static final Pattern CREDIT_NAMES = Pattern.compile("[\\p{L} ,.]{0,80}");
    private static final int CREDIT_REACH = 100;
    /** How far back a construction before a name is looked for, once the title and form of address are left out. */
    private static final int REACH = 120;

    private final List<Pattern> before = new ArrayList<>();
    private final List<Pattern> after = new ArrayList<>();
    private final List<Pattern> historical = new ArrayList<>();
    private final List<Pattern> attending = new ArrayList<>();
    /** The attending patterns a match of which stays one in a longer region ({@link Regions#widenable}). */
    private final Set<Pattern> widenableAttending = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final List<Pattern> honorifics = new ArrayList<>();
    /** "(Web editor: A, B)", "Ảnh: A": the words of a credit line, matched at the line's start, before its colon. */
    private final List<Pattern> credits = new ArrayList<>();

    PassingMentions() {
        for (TsvFile.Row row : TsvFile.read(PersonNames.TITLES, 3, 3)) {
            String kind = row.cell(0);
            if (!KINDS.contains(kind)) {
                continue; // PersonNames reads and checks the other kinds
            }
            Pattern p;
            try {
                p = Pattern.compile(kind.equals("passing_name") ? "(?:" + row.cell(2) + ")"
                        : kind.equals("credit") ? "[\\s(\\[]*(?:" + row.cell(2) + ")\\s*:"
                        : "\\b(?:" + row.cell(2) + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern: " + e.getDescription());
            }
            if (p.matcher("").matches()) {
                throw row.error("pattern matches the empty text");
            }
            switch (kind) {
                case "passing_before" -> before.add(p);
                case "passing_after" -> after.add(p);
                case "passing_name" -> historical.add(p);
                case "attending" -> attending.add(p);
                case "credit" -> credits.add(p);
                default -> honorifics.add(p);
            }
        }
        for (Map.Entry<String, List<Pattern>> e : Map.of("passing_before", before, "passing_after", after, "passing_name",
                historical, "attending", attending, "credit", credits).entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new ReferenceDataException(PersonNames.TITLES + ": no row of kind '" + e.getKey() + "'");
            }
        }
        attending.stream().filter(Regions::widenable).forEach(widenableAttending::add);
    }

    /** The mention only names the person in passing (see the class comment). */
    boolean passing(ArticleDoc doc, PersonMention p) {
        return passing(doc, p, 0);
    }

    private boolean passing(ArticleDoc doc, PersonMention p, int depth) {
        String t = doc.folded().text;
        if (depth == 0 && inCredit(t, p)) {
            return true;
        }
        String name = AliasKey.fold(p.name());
        String written = t.substring(p.start(), p.end());
        for (Pattern h : historical) {
            if (h.matcher(name).matches() || h.matcher(written).matches()) {
                return true;
            }
        }
        for (Pattern a : after) {
            if (a.matcher(t).region(p.end(), Math.min(t.length(), p.end() + 80)).useTransparentBounds(true).lookingAt()) {
                return true;
            }
        }
        int sentenceStart = doc.sentence(p.sentence()).start();
        int[] left = leaveOutTitle(doc, p, sentenceStart);
        int pos = left[0];
        for (Pattern b : before) {
            if (endsAt(b, t, Math.max(sentenceStart, pos - REACH), pos)) {
                return true;
            }
        }
        // "between A, and B", "của A tới B", "regards of A, B and C": B shares A's construction; a bare comma only
        // when a list goes on after B and no form of address stands before B ("On behalf of A, B received …",
        // "Thay mặt A, đồng chí B, …": B acts)
        Matcher joiner = JOINER.matcher(t).region(Math.max(sentenceStart, pos - 12), pos);
        int end = joiner.find() ? skipSpacesBack(t, joiner.start(), sentenceStart) : left[1] == 0 && listGoesOn(doc, p) ? pos : -1;
        if (depth < 8 && end > sentenceStart) {
            PersonMention q = endingAt(doc.persons(), end);
            if (q != null && q.start() < p.start()) {
                return passing(doc, q, depth + 1);
            }
        }
        return false;
    }

    /**
     * The mention stands in a credit line of the page ("(Web editor: A, B)", "Reporter: A", "Ảnh: A"): its line opens with
     * a credit word and a colon, and only names, commas and "and" stand between the colon and the mention.
     */
    private boolean inCredit(String t, PersonMention p) {
        int lineStart = p.start();
        while (lineStart > 0 && t.charAt(lineStart - 1) != '\n') {
            if (p.start() - lineStart > CREDIT_REACH) {
                return false; // scanned no further, so that a text without line breaks stays linear
            }
            lineStart--;
        }
        for (Pattern c : credits) {
            Matcher m = c.matcher(t).region(lineStart, p.start());
            if (m.lookingAt() && CREDIT_NAMES.matcher(t).region(m.end(), p.start()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The mention ending at folded offset {@code end}: mentions are sorted and do not overlap, so a binary search finds it. */
    private static PersonMention endingAt(List<PersonMention> persons, int end) {
        int lo = 0;
        int hi = persons.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int e = persons.get(mid).end();
            if (e == end) {
                return persons.get(mid);
            } else if (e < end) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /**
     * After a name (and its title after it, if any): another item of a list (", President …", "and …", "to …"), not a
     * verb. In "On behalf of A, đồng chí B, Thường trực Ban Bí thư, tiếp …" the list does not go on after B.
     */
    private static boolean listGoesOn(ArticleDoc doc, PersonMention p) {
        Folded f = doc.folded();
        String t = f.text;
        int k = skipSpaces(t, p.end());
        String title = new Folded(p.title()).text.strip();
        if (!title.isEmpty() && k < t.length() && ",-:".indexOf(t.charAt(k)) >= 0) {
            int at = skipSpaces(t, k + 1);
            if (t.startsWith(title, at)) {
                k = skipSpaces(t, at + title.length());
            }
        }
        if (k < t.length() && t.charAt(k) == ',') {
            k = skipSpaces(t, k + 1);
            return k < t.length() && (Character.isUpperCase(f.original.charAt(f.start(k))) || JOINING_WORD.matcher(t).region(k, t.length()).lookingAt());
        }
        return JOINING_WORD.matcher(t).region(k, t.length()).lookingAt();
    }

    private static int skipSpaces(String t, int k) {
        while (k < t.length() && Character.isWhitespace(t.charAt(k))) {
            k++;
        }
        return k;
    }

    /**
     * Where the words before the name end once its form of address and its title ("Tổng Bí thư, đồng chí") are left
     * out, and 1 if a form of address was among them (else 0).
     */
    private int[] leaveOutTitle(ArticleDoc doc, PersonMention p, int floor) {
        String t = doc.folded().text;
        int pos = skipSeparatorsBack(t, p.start(), floor);
        int addressed = 0;
        for (int round = 0; round < 2; round++) {
            for (Pattern h : honorifics) {
                Matcher m = h.matcher(t).region(Math.max(floor, pos - 20), pos).useTransparentBounds(true);
                int start = -1;
                while (m.find()) {
                    if (m.end() == pos) {
                        start = m.start();
                    }
                }
                if (start >= 0) {
                    pos = skipSeparatorsBack(t, start, floor);
                    addressed = 1;
                }
            }
            String title = new Folded(p.title()).text.strip();
            if (round == 0 && !title.isEmpty()) {
                int at = lastIndexOfEndingNear(t, title, pos);
                if (at >= floor && at + title.length() >= pos - 1 && at + title.length() <= pos) {
                    pos = skipSeparatorsBack(t, at, floor);
                }
            }
        }
        Matcher article = ARTICLE.matcher(t).region(Math.max(floor, pos - 5), pos);
        return new int[] { article.find() ? skipSpacesBack(t, article.start(), floor) : pos, addressed };
    }

    /**
     * Where {@code title} last occurs at or before {@code pos} if it ends there or one character before ({@code -1}
     * otherwise): only those occurrences leave out a title, so the text further back is not searched.
     */
    private static int lastIndexOfEndingNear(String t, String title, int pos) {
        for (int k = Math.min(pos, t.length() - title.length()); k >= Math.max(0, pos - 1 - title.length()); k--) {
            if (t.startsWith(title, k)) {
                return k;
            }
        }
        return -1;
    }

    /** Per article, sentence and pattern: from where on the text before a mention holds a match (see {@link #listedAsAttending}). */
    private record AttendingFrom(PassingMentions owner, int sentence, Pattern pattern) {
    }

    /**
     * The person stands after words that open a list of those who took part, in the same sentence ("Cùng dự có …").
     * Whether the text from the sentence's start to a mention holds a match only grows with the mention's offset, so
     * each sentence is searched for where that starts once, not once per mention of a long sentence.
     */
    boolean listedAsAttending(ArticleDoc doc, PersonMention p) {
        String t = doc.folded().text;
        int from = doc.sentence(p.sentence()).start();
        int limit = doc.sentence(p.sentence()).end();
        for (Pattern a : attending) {
            // "a match before the mention" only grows with the mention's offset when a match stays one in a longer region
            if (!widenableAttending.contains(a) || p.start() > limit) {
                if (a.matcher(t).region(from, p.start()).useTransparentBounds(true).find()) {
                    return true;
                }
                continue;
            }
            int matchFrom = doc.remember(new AttendingFrom(this, p.sentence(), a), () -> firstRegionEndWithMatch(a, t, from, limit));
            if (p.start() >= matchFrom) {
                return true;
            }
        }
        return false;
    }

    /** The least region end {@code to <= limit} for which {@code a} finds a match in {@code [from, to)}, or MAX_VALUE. */
    private static int firstRegionEndWithMatch(Pattern a, String t, int from, int limit) {
        Matcher m = a.matcher(t).region(from, limit).useTransparentBounds(true);
        if (!m.find()) {
            return Integer.MAX_VALUE;
        }
        int lo = from;
        int hi = m.end();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a.matcher(t).region(from, mid).useTransparentBounds(true).find()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean endsAt(Pattern p, String t, int from, int end) {
        Matcher m = p.matcher(t).region(from, end).useTransparentBounds(true);
        while (m.find()) {
            if (m.end() == end) {
                return true;
            }
        }
        return false;
    }

    private static int skipSeparatorsBack(String t, int pos, int floor) {
        while (pos > floor && " \t\u00a0,:-–\n".indexOf(t.charAt(pos - 1)) >= 0) {
            pos--;
        }
        return pos;
    }

    private static int skipSpacesBack(String t, int pos, int floor) {
        while (pos > floor && Character.isWhitespace(t.charAt(pos - 1))) {
            pos--;
        }
        return pos;
    }
}
