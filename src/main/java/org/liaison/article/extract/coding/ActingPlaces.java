package org.liaison.article.extract.coding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Sentence;

/**
 * Whether a place acts in an encounter: named beside an authority that acts for it ("Secretary
 * of the Hanoi Party Committee", "Bí thư Tỉnh ủy Lạng Sơn"), or as a delegation, its officials,
 * or the subject of the meeting verb; not where the encounter took place or where a place is.
 */
final class ActingPlaces {

    /** How far from the clause's start the subjects of its meeting verb may stand, and a dateline before them. */
    private static final int SUBJECT_REACH = 120;
    private static final int DATELINE_REACH = 40;

    /** The wording of {@code acting.*} in {@code extraction/rules.tsv}. */
    private final Pattern authorityBefore;
    private final Pattern authorityAfter;
    private final Pattern qualifier;
    /** Between two places: "Baise city of China's Guangxi", "Nanning, Guangxi". */
    private final Pattern locatedIn;
    private final Pattern twoPrepositions;
    private final Pattern inOrOf;
    private final Pattern ofCountry;
    private final Pattern between;
    /** The meeting cue of "talks between X and Y" is looked for after the last of these words. */
    private final Pattern betweenWord;
    private final Pattern bodyAfter;
    private final Pattern bodyOfBefore;
    /** "tại tỉnh ", "in the province of ": the unit word between a venue's preposition and its place. */
    private final Pattern unitTail;
    /** The counterpart of the meeting verb: "hội đàm với huyện Mường Tè", "held talks with the Party Committee of". */
    private final Pattern counterpartBefore;
    /** The subjects before the meeting verb, after a day told first ("Ngày 8/6, tỉnh Quảng Ninh ... tổ chức"). */
    private final Pattern subjectShape;
    private final CueBook cues;
    private final NameWords words;

    ActingPlaces(CueBook cues, NameWords words, RuleBook rules) {
        this.cues = cues;
        this.words = words;
        this.authorityBefore = rules.pattern("acting.authority_before");
        this.authorityAfter = rules.pattern("acting.authority_after");
        this.qualifier = rules.pattern("acting.country_qualifier");
        this.locatedIn = rules.pattern("acting.located_in");
        this.twoPrepositions = rules.pattern("acting.two_prepositions");
        this.inOrOf = rules.pattern("acting.in_or_of");
        this.ofCountry = rules.pattern("acting.of_country");
        this.between = rules.pattern("acting.between");
        this.betweenWord = rules.pattern("acting.between_word");
        this.bodyAfter = rules.pattern("acting.body_after");
        this.bodyOfBefore = rules.pattern("acting.body_of_before");
        this.unitTail = rules.pattern("acting.unit_tail");
        this.counterpartBefore = rules.pattern("acting.counterpart_before");
        this.subjectShape = rules.pattern("acting.subject_shape");
    }

    /**
     * "huyện Lục Xuân, châu Hồng Hà, tỉnh Vân Nam", "Longzhou county, Guangxi": a unit right after one of its own
     * prefectures or counties only says where that one is (codebook: a province named beside it as context is mentioned).
     */
    private static boolean parentOfPlaceBefore(ArticleDoc doc, PlaceMention p) {
        return doc.placesEndingIn(p.start() - 29, p.start()).stream().anyMatch(q -> p.locality().code().equals(q.locality().parent()));
    }

    /** The first {@code max} characters of {@code after}, up to the first comma, stop or "và"/"and" (the next item of a list). */
    private static String clauseStart(String after, int max) {
        String t = after.substring(0, Math.min(after.length(), max));
        int cut = t.length();
        for (String stop : new String[] { ",", ";", ".", " va ", " and " }) {
            int k = t.indexOf(stop);
            if (k >= 0) {
                cut = Math.min(cut, k);
            }
        }
        return t.substring(0, cut);
    }

    /** A place named beside an authority that acts for it, not beside a consulate or embassy. */
    boolean isAuthority(ArticleDoc doc, PlaceMention p) {
        String t = doc.text();
        Sentence s = doc.sentence(p.sentence());
        String before = t.substring(Math.max(s.start(), p.start() - 60), p.start());
        String after = t.substring(p.end(), Math.max(p.end(), Math.min(s.end(), p.end() + 50)));
        if (cues.has("not_authority", before.substring(Math.max(0, before.length() - 40)))
                || cues.has("not_authority", clauseStart(after, 26))) {
            return false; // "the Chinese Consulate General in ...", "the Dien Bien Provincial Border Guard Command"
        }
        if (onlySaysWhere(doc, p)) {
            return false;
        }
        if (authorityAfter.matcher(after).find()) {
            return true;
        }
        Matcher m = authorityBefore.matcher(before);
        if (m.find()) {
            // "Phó Bí thư Châu ủy, Châu trưởng Chính phủ nhân dân châu ... Hồng Hà": the authority nearest the place; when a
            // preposition follows that one, the first as before ("Secretary of the Yunnan provincial Party Committee in
            // Kunming city": the committee is Yunnan's, Kunming only where)
            int first = m.start(1);
            int last = first;
            while (m.find(last + 1)) {
                last = m.start(1);
            }
            m.find(last);
            if (inOrOf.matcher(before.substring(m.end(1))).matches()) {
                m.find(first);
            }
            String between = before.substring(m.end(1));
            int betweenStart = p.start() - between.length();
            boolean otherPlace = doc.placesStartingIn(betweenStart, p.start()).stream().anyMatch(q -> q != p);
            // "Committee in Lai Chau province" is an authority; "visit to Nanning" is not
            return !otherPlace && between.length() <= 40 && !twoPrepositions.matcher(between).matches()
                    && (!cues.has("venue_before", between) || inOrOf.matcher(between).matches() || between.isBlank());
        }
        return false;
    }

    /** "Baise city of China's Guangxi": the second place only says where the first one is. */
    boolean onlySaysWhere(ArticleDoc doc, PlaceMention p) {
        String t = doc.text();
        String near = t.substring(Math.max(doc.sentence(p.sentence()).start(), p.start() - 25), p.start());
        for (PlaceMention q : doc.placesEndingIn(p.start() - 24, p.start())) {
            if (qualifier.matcher(near).find() && locatedIn.matcher(t.substring(q.end(), p.start())).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Where the last match of {@code p} in {@code s} starts, or -1. */
    private static int lastStart(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /** A place that acts in the encounter: a delegation, its officials or authorities, the subject of the meeting verb. */
    boolean acts(ArticleDoc doc, PlaceMention p, int focusStart, boolean encounterClause) {
        String t = doc.text();
        String before = t.substring(Math.max(focusStart, p.start() - 40), p.start());
        String after = t.substring(p.end(), Math.min(t.length(), p.end() + 40));
        if (cues.has("venue_before", unitTail.matcher(before).replaceFirst("")) || ofCountry.matcher(before).matches()
                || parentOfPlaceBefore(doc, p)) {
            return false;
        }
        // "talks between Cao Bang and Baise officials", "hội đàm giữa Lạng Sơn và Quảng Tây"
        if (encounterClause && between.matcher(before).find()
                && !cues.has("meeting", before.substring(lastStart(betweenWord, before) + 1))) {
            return true;
        }
        if (bodyAfter.matcher(after).find() || bodyOfBefore.matcher(before).find()) {
            return true;
        }
        if (encounterClause && counterpartBefore.matcher(before).find()) {
            return true;
        }
        // the subjects of the meeting verb: "X and Y on <date> held talks", within SUBJECT_REACH characters of the clause's
        // start once a dateline is left out: a place further on is no subject, and the text up to it is not read
        if (p.start() - focusStart >= SUBJECT_REACH + DATELINE_REACH + 2) {
            return false;
        }
        String fromStart = t.substring(focusStart, p.start());
        int dash = Math.max(fromStart.lastIndexOf(" - "), fromStart.lastIndexOf(") "));
        if (dash >= 0 && dash < DATELINE_REACH) {
            fromStart = fromStart.substring(dash + 2); // after a dateline "Ha Giang (VNA) - "
        }
        boolean personBefore = !doc.personsStartingIn(focusStart, p.end()).isEmpty();
        Matcher verb = cues.find("meeting", t.substring(p.end(), Math.min(t.length(), p.end() + 160)));
        return !cues.has("meeting", fromStart) && verb != null && !words.hasTitle(fromStart) && !personBefore
                && fromStart.length() < SUBJECT_REACH && subjectShape.matcher(fromStart).matches();
    }
}
