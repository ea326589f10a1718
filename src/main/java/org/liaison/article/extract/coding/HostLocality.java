package org.liaison.article.extract.coding;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.gazetteer.LocalityRef;

/**
 * The venue of an in-person exchange that names no place of its own, read from who hosted it: a
 * locality's authorities receive a visiting side in their own locality ("X's delegation came to
 * Long An and was received by the Long An chairman", "the Lào Cai secretary received the Chinese
 * ambassador", "tiếp và làm việc với đoàn ... huyện Mường Tè"). So when the visiting side is
 * known — a delegation of a place, an ambassador, or the side the main exchange placed abroad —
 * the host is the one participant locality of the other country; or the participant locality
 * whose leader is the subject of "received"/"tiếp". A central leader receiving someone gives no
 * venue: the capital is not said (codebook: venue), and a central body has no locality here.
 */
final class HostLocality {

    /** "a delegation from Guangzhou", "Đoàn công tác của TP.Hoài Bắc", "đoàn đại biểu huyện Lục Xuân, châu Hồng Hà": the visitors' place follows. */
    private final Pattern delegationOf;
    /** "the Guangzhou city delegation": the visitors' place comes before. */
    private final Pattern delegationAfter;
    /** An ambassador or embassy: a visitor of the country named beside it. */
    private final Pattern envoy;
    /** Where the envoy sits ("tại Việt Nam"): no Vietnamese cue. */
    private final Pattern inVietnam;
    /** The host's verb: the place named before it in the clause is the host's ("the Hải Phòng secretary tiếp xã giao"). */
    private final Pattern receives;
    private final Pattern passive;
    /** A venue phrase naming a side's own seat or small unit; Vietnamese unless {@code seatCn} finds a Chinese body in it. */
    private final Pattern seat;
    private final Pattern seatCn;
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;]");

    private final Gazetteer gazetteer;
    private final CueBook cues;

    HostLocality(Gazetteer gazetteer, CueBook cues, RuleBook rules) {
        this.gazetteer = gazetteer;
        this.cues = cues;
        this.delegationOf = rules.pattern("host.delegation_of");
        this.delegationAfter = rules.pattern("host.delegation_after");
        this.envoy = rules.pattern("host.envoy");
        this.inVietnam = rules.pattern("host.in_vietnam");
        this.receives = rules.pattern("host.receives");
        this.passive = rules.pattern("host.passive");
        this.seat = rules.pattern("host.seat");
        this.seatCn = rules.pattern("host.seat_cn");
    }

    /** The host's locality, or null when the roles do not tell one host. */
    LocalityRef find(ArticleDoc doc, Scope scope, List<ExtractedExchange.LocalityRole> roles, List<ExtractedExchange.Evidence> evidence) {
        List<ExtractedExchange.LocalityRole> participants = roles.stream().filter(r -> r.role().equals("participant")).toList();
        if (participants.isEmpty()) {
            return null;
        }
        int from = scope.focusStart();
        int to = scope instanceof MainScope main ? passageEnd(doc, main) : scope.focusEnd();
        String text = doc.text();
        // the participant locality whose leader receives
        Matcher r = receives.matcher(text.substring(from, to));
        if (r.find() && !passive.matcher(text.substring(Math.max(from, from + r.start() - 10), from + r.start())).find()) {
            int verb = from + r.start();
            int clauseStart = lastBreak(text, from, verb);
            PlaceMention receiver = null;
            for (PlaceMention p : doc.placesStartingIn(clauseStart, verb)) {
                if (!p.dateline() && p.end() <= verb && isParticipant(participants, p.locality())) {
                    receiver = p;
                }
            }
            if (receiver != null && !visiting(doc, receiver)) {
                return LocalityRef.of(receiver.locality());
            }
        }
        // "tại trụ sở UBND tỉnh", "at the provincial People's Committee headquarters", "tại thị trấn Đồng Đăng":
        // a seat of one side's own body, or a town of that side the gazetteer lacks: that side's participant locality
        String seatSide = seatCountry(text.substring(scope.focusStart(), scope.focusEnd()));
        if (seatSide != null) {
            List<ExtractedExchange.LocalityRole> seated = participants.stream().filter(p -> p.country().equals(seatSide)).toList();
            if (seated.size() == 1) {
                Locality host = gazetteer.byCode(seated.get(0).code());
                if (host != null) {
                    return LocalityRef.of(host);
                }
            }
        }
        String visitor = visitorCountry(doc, scope, from, to);
        if (visitor == null) {
            return null;
        }
        List<ExtractedExchange.LocalityRole> hosts = participants.stream().filter(p -> !p.country().equals(visitor)).toList();
        if (hosts.size() != 1) {
            return null;
        }
        Locality host = gazetteer.byCode(hosts.get(0).code());
        return host == null ? null : LocalityRef.of(host);
    }

    /** The focus and the sentence after it, which tells who received whom ("Chủ tịch UBND tỉnh ... tiếp đoàn"). */
    private static int passageEnd(ArticleDoc doc, MainScope main) {
        int next = main.focusSentence() + 1;
        return next < doc.sentences().size() ? doc.sentence(next).end() : main.focusEnd();
    }

    private static int lastBreak(String text, int from, int at) {
        Matcher m = CLAUSE_BREAK.matcher(text.substring(from, at));
        int last = from;
        while (m.find()) {
            last = from + m.end();
        }
        return last;
    }

    private static boolean isParticipant(List<ExtractedExchange.LocalityRole> participants, Locality l) {
        return participants.stream().anyMatch(p -> p.code().equals(l.code()));
    }

    /** The side whose own seat or town the focus puts the encounter in, or null. */
    private String seatCountry(String focus) {
        Matcher m = seat.matcher(focus);
        if (!m.find()) {
            return null;
        }
        return seatCn.matcher(m.group()).find() ? "CN" : "VN";
    }

    /** The country of the visiting side: a delegation's place, an envoy's country, or the other side of a visit the main exchange placed abroad. */
    private String visitorCountry(ArticleDoc doc, Scope scope, int from, int to) {
        String text = doc.text();
        for (PlaceMention p : doc.placesStartingIn(from, to)) {
            if (!p.dateline() && visiting(doc, p)) {
                return p.locality().country();
            }
        }
        Matcher envoy = this.envoy.matcher(text.substring(from, to));
        if (envoy.find()) {
            int at = from + envoy.start();
            String around = text.substring(Math.max(from, at - 25), Math.min(to, at + 90));
            boolean cn = cues.has("cn", around);
            boolean vn = cues.has("vn", inVietnam.matcher(around).replaceAll(""));
            if (cn != vn) {
                return cn ? "CN" : "VN";
            }
        }
        if (scope instanceof ClauseScope clause && clause.main().venue() != null) {
            // the delegation abroad: the main exchange's venue is the host country
            return clause.main().venue().country().equals("CN") ? "VN" : "CN";
        }
        return null;
    }

    /** A place named as the visiting delegation's ("delegation from Guangzhou", "the Guangzhou city delegation"). */
    private boolean visiting(ArticleDoc doc, PlaceMention p) {
        String text = doc.text();
        Sentence s = doc.sentence(p.sentence());
        String before = text.substring(Math.max(s.start(), p.start() - 60), p.start());
        String after = text.substring(p.end(), Math.min(s.end(), p.end() + 30));
        if (delegationAfter.matcher(after).find()) {
            return true;
        }
        Matcher m = delegationOf.matcher(before);
        if (!m.find()) {
            return false;
        }
        // the first place after the delegation word: "đoàn ... huyện Lục Xuân, châu Hồng Hà" (not a second place further on)
        int after0 = p.start() - before.length() + m.start();
        return doc.placesStartingIn(after0 + 1, p.start()).stream().noneMatch(q -> q != p
                && !q.locality().country().equals(p.locality().country()));
    }
}
