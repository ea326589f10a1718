package org.liaison.article.extract.coding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.Sentence;

/**
 * Whether a place acts in an encounter: named beside an authority that acts for it ("Secretary
 * of the Hanoi Party Committee", "Bí thư Tỉnh ủy Lạng Sơn"), or as a delegation, its officials,
 * or the subject of the meeting verb; not where the encounter took place or where a place is.
 */
final class ActingPlaces {

    private static final Pattern AUTHORITY_BEFORE = Pattern.compile("\\b(secretary|chairman|chairwoman|governor|mayor|leader|leaders"
            + "|head|officials|delegation|committee|committees|government|bi thu|chu tich|lanh dao|tinh uy|thanh uy|khu uy|ubnd|hdnd"
            + "|uy ban nhan dan|hoi dong nhan dan|chinh quyen|doan dai bieu|doan)\\b(?:[^.;:()]|(?<=\\btp)\\.){0,50}$");
    private static final Pattern AUTHORITY_AFTER = Pattern.compile("^\\s*(province'?s?|provincial|city'?s?|municipal|zhuang autonomous region'?s?"
            + "|autonomous region'?s?|region'?s?)?\\s*(communist party |cpc |cpv )?(party committee|people'?s committee|people'?s council"
            + "|people'?s government|government|delegation|officials|leaders|leadership|authorities|leader)\\b");
    private static final Pattern QUALIFIER = Pattern.compile("\\b(of |in |)(china'?s?|vietnam'?s?|viet nam'?s?|trung quoc|viet nam|the)\\s*$");
    /** Between two places: "Baise city of China's Guangxi", "Nanning, Guangxi". */
    private static final Pattern LOCATED_IN = Pattern.compile("(?s)\\s*(city|province|thanh pho|tinh)?\\s*(of|cua|,)?\\s*(china'?s?|vietnam'?s?|the|trung quoc|viet nam)?[\\s,]*(northern|southern)?\\s*");
    private static final Pattern TWO_PREPOSITIONS = Pattern.compile("(?s).*\\b(in|at|tai|to)\\b.*\\b(in|at|tai)\\b.*");
    private static final Pattern IN_OR_OF = Pattern.compile("(?s)^\\s*(in|of)\\s.*");
    private static final Pattern OF_COUNTRY = Pattern.compile("(?s).*\\b(of|cua) (china's|vietnam's|viet nam's)\\s*$");
    private static final Pattern BETWEEN = Pattern.compile("\\b(between|giua)\\b[^.;]{0,60}$");
    private static final Pattern BODY_AFTER = Pattern.compile("^\\s*(city |province |provincial |municipal |zhuang autonomous region |autonomous region )?"
            + "(delegation|officials|leaders|authorities|people's committee|people's government|party committee)\\b");
    private static final Pattern BODY_OF_BEFORE = Pattern.compile("(delegation of|doan dai bieu|officials from|authorities of|people's government of|people's committee of"
            + "|ubnd|chinh quyen|lanh dao)\\s+(the\\s+)?(thanh pho |tinh |khu tu tri dan toc choang |thu do |vietnam's |china's |northern |southern |border |province of |provinces of )*$");
    /** "tại tỉnh ", "in the province of ": the unit word between a venue's preposition and its place. */
    private static final Pattern UNIT_TAIL = Pattern.compile("\\b(tinh|thanh pho|tp|huyen|the|province of|city of)\\s*$");
    /** "Ngày 8/6, tỉnh Quảng Ninh ... tổ chức", "On April 9th morning, Cao Bang ... chaired": the day told before the subject. */
    private static final String LEADING_DAY = "((ngay|sang|chieu|toi|trua|on|in)\\s+)?([a-z]+\\s+)?\\d{1,2}(st|nd|rd|th)?([/.-]\\d{1,2}([/.-]\\d{4})?)?"
            + "(\\s+(morning|afternoon|evening))?\\s*,\\s*";
    /** The counterpart of the meeting verb: "hội đàm với huyện Mường Tè", "held talks with the Party Committee of". */
    private static final Pattern COUNTERPART_BEFORE = Pattern.compile("\\b(hoi dam|hoi kien|lam viec|talks|met|meeting|working session)\\s+(voi|with)\\s+"
            + "(the\\s+)?(huyen |tinh |thanh pho |tp\\.? ?|thi xa |chau |khu tu tri |province of |city of |leaders of |officials of |lanh dao )?$");
    private static final Pattern SUBJECT_SHAPE = Pattern.compile("(?s)^\\s*(" + LEADING_DAY + ")?(the |officials from |leaders of |delegations? of )?([\\p{L}' ]*\\b(provinces? of|localities of|region|cities of)\\b)?[\\p{L}' ,]*$");

    private final CueBook cues;
    private final NameWords words;

    ActingPlaces(CueBook cues, NameWords words) {
        this.cues = cues;
        this.words = words;
    }

    /**
     * "huyện Lục Xuân, châu Hồng Hà, tỉnh Vân Nam", "Longzhou county, Guangxi": a unit right after one of its own
     * prefectures or counties only says where that one is (codebook: a province named beside it as context is mentioned).
     */
    private static boolean parentOfPlaceBefore(ArticleDoc doc, PlaceMention p) {
        return doc.places().stream().anyMatch(q -> q.end() <= p.start() && p.start() - q.end() < 30
                && p.locality().code().equals(q.locality().parent()));
    }

    /** A place named beside an authority that acts for it, not beside a consulate or embassy. */
    boolean isAuthority(ArticleDoc doc, PlaceMention p) {
        String t = doc.text();
        Sentence s = doc.sentence(p.sentence());
        String before = t.substring(Math.max(s.start(), p.start() - 60), p.start());
        String after = t.substring(p.end(), Math.min(s.end(), p.end() + 50));
        if (cues.has("not_authority", before.substring(Math.max(0, before.length() - 40)))) {
            return false;
        }
        // "Baise city of China's Guangxi": the second place only says where the first one is
        String near = before.substring(Math.max(0, before.length() - 25));
        for (PlaceMention q : doc.places()) {
            if (q.end() <= p.start() && p.start() - q.end() < 25 && QUALIFIER.matcher(near).find()
                    && LOCATED_IN.matcher(t.substring(q.end(), p.start())).matches()) {
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
            boolean otherPlace = doc.places().stream().anyMatch(q -> q != p && q.start() >= betweenStart && q.start() < p.start());
            // "Committee in Lai Chau province" is an authority; "visit to Nanning" is not
            return !otherPlace && between.length() <= 40 && !TWO_PREPOSITIONS.matcher(between).matches()
                    && (!cues.has("venue_before", between) || IN_OR_OF.matcher(between).matches() || between.isBlank());
        }
        return false;
    }

    /** A place that acts in the encounter: a delegation, its officials or authorities, the subject of the meeting verb. */
    boolean acts(ArticleDoc doc, PlaceMention p, int focusStart, boolean encounterClause) {
        String t = doc.text();
        String before = t.substring(Math.max(focusStart, p.start() - 40), p.start());
        String after = t.substring(p.end(), Math.min(t.length(), p.end() + 40));
        if (cues.has("venue_before", UNIT_TAIL.matcher(before).replaceFirst("")) || OF_COUNTRY.matcher(before).matches()
                || parentOfPlaceBefore(doc, p)) {
            return false;
        }
        // "talks between Cao Bang and Baise officials", "hội đàm giữa Lạng Sơn và Quảng Tây"
        if (encounterClause && BETWEEN.matcher(before).find()
                && !cues.has("meeting", before.substring(before.lastIndexOf("between") + 1 > 0 ? before.lastIndexOf("between") + 1 : 0))) {
            return true;
        }
        if (BODY_AFTER.matcher(after).find() || BODY_OF_BEFORE.matcher(before).find()) {
            return true;
        }
        if (encounterClause && COUNTERPART_BEFORE.matcher(before).find()) {
            return true;
        }
        // the subjects of the meeting verb: "X and Y on <date> held talks"
        String fromStart = t.substring(focusStart, p.start());
        int dash = Math.max(fromStart.lastIndexOf(" - "), fromStart.lastIndexOf(") "));
        if (dash >= 0 && dash < 40) {
            fromStart = fromStart.substring(dash + 2); // after a dateline "Ha Giang (VNA) - "
        }
        int pEnd = p.end();
        boolean personBefore = doc.persons().stream().anyMatch(pm -> pm.start() >= focusStart && pm.start() < pEnd);
        Matcher verb = cues.find("meeting", t.substring(p.end(), Math.min(t.length(), p.end() + 160)));
        return !cues.has("meeting", fromStart) && verb != null && !words.hasTitle(fromStart) && !personBefore
                && fromStart.length() < 120 && SUBJECT_SHAPE.matcher(fromStart).matches();
    }
}
