package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.BorderGates;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.gazetteer.LocalityRef;

/**
 * Where it happened: a place after "in", "at", "tại" in the encounter sentences (the most
 * specific unit); else the unit an anaphor points back to ("in the southern city"); else, for
 * "held talks here", the place of the dateline.
 */
final class VenueFinder {

    /** How far before a gate's name the venue word may stand ("tại Nhà hội đàm cửa khẩu quốc tế Hữu Nghị"). */
    private static final int GATE_REACH = 45;

    /** Sentences after the encounter that still tell of the visit ("welcomed", "thăm", "làm việc"). */
    private final Pattern visit;
    /** Words between "in" and the place that do not change where: "in the northern province of". */
    private final Pattern placeQualifiers;
    /**
     * "the Chinese Consulate General in Ho Chi Minh City", "Đại sứ quán Trung Quốc tại Việt Nam": where a mission sits, not
     * where the encounter took place ("led by Ambassador Xiong Bo in Lao Cai city" is a venue: a name stands between).
     */
    private final Pattern missionSeat;
    /** "at the Chinese Embassy in Hà Nội": held at the mission, whose city is then the venue. */
    private final Pattern atMission;
    private final Pattern anaphor;
    /** The anaphor's qualifier (its group 1) that names the country of the unit: Vietnamese, Chinese. */
    private final Pattern anaphorVn;
    private final Pattern anaphorCn;
    private final Pattern here;
    /** "tại Khu cảnh quan thác Bản Giốc, huyện Trùng Khánh": a site the gazetteer lacks, then the unit it lies in. */
    private final Pattern phraseUnit;
    /** "with the Vietnamese delegation in": the visitors, then where (not an authority word before the place). */
    private final Pattern visitorsIn;
    /** "Qinzhou City in China's Guangxi": a place after the one it describes, which lies in it. */
    private final Pattern describedBy;
    /** "tại trụ sở Thành ủy Hà Nội": the seat of the place's authority, where the encounter was held. */
    private final Pattern seatOf;
    /** "số 105A Quán Thánh, Hà Nội": a street address right before the place. */
    private final Pattern addressBefore;
    /** "với điểm cầu tại thành phố Nam Ninh": a hybrid meeting's remote end. */
    private final Pattern connectionPoint;

    /** "tại Nhà hội đàm cửa khẩu quốc tế Hữu Nghị": a gate the gazetteer has no unit for, and the unit it lies in. */
    private final BorderGates gates;
    /** "tại Nhà hội đàm ", "at the ": a venue word in the gate's clause before it. */
    private final Pattern gateBefore;
    private final CueBook cues;

    VenueFinder(CueBook cues, RuleBook rules, BorderGates gates) {
        this.cues = cues;
        this.gates = gates;
        this.gateBefore = rules.pattern("venue.gate_before");
        this.visit = rules.pattern("venue.visit");
        this.placeQualifiers = rules.pattern("venue.place_qualifiers");
        this.missionSeat = rules.pattern("venue.mission_seat");
        this.atMission = rules.pattern("venue.at_mission");
        this.anaphor = rules.pattern("venue.anaphor");
        this.anaphorVn = rules.pattern("venue.anaphor_vn");
        this.anaphorCn = rules.pattern("venue.anaphor_cn");
        this.here = rules.pattern("venue.here");
        this.phraseUnit = rules.pattern("venue.phrase_unit");
        this.visitorsIn = rules.pattern("venue.visitors_in");
        this.describedBy = rules.pattern("venue.described_by");
        this.seatOf = rules.pattern("venue.seat_of");
        this.addressBefore = rules.pattern("venue.address_before");
        this.connectionPoint = rules.pattern("venue.connection_point");
    }

    LocalityRef find(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        return venueOf(doc, sentences(doc, scope), scope, evidence);
    }

    /** For the main exchange: its sentences up to the one after the encounter, and visit sentences up to four later, not announcements. */
    private List<Sentence> sentences(ArticleDoc doc, Scope scope) {
        if (scope instanceof ClauseScope clause) {
            return List.of(clause.sentence());
        }
        MainScope main = (MainScope) scope;
        int focus = main.focusSentence();
        List<Sentence> out = new ArrayList<>();
        main.sentences().stream().filter(c -> c.index() <= focus + 1).forEach(out::add);
        doc.sentences().stream().filter(c -> c.index() > focus && c.index() <= focus + 4 && visit.matcher(c.folded()).find()
                && !out.contains(c)).forEach(out::add);
        out.removeIf(c -> c.index() != focus && cues.has("future", c.folded()));
        return out;
    }

    private LocalityRef venueOf(ArticleDoc doc, List<Sentence> sentences, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        boolean clauseOnly = scope instanceof ClauseScope;
        String text = doc.text();
        for (Sentence s : sentences) {
            int from = clauseOnly ? scope.focusStart() : s.start();
            int to = clauseOnly ? scope.focusEnd() : s.end();
            PlaceMention best = null;
            for (PlaceMention p : doc.placesStartingIn(from, to)) {
                if (p.dateline()) {
                    continue;
                }
                // wide enough for "in the northern border province of Cao Bang"
                String before = text.substring(Math.max(from, p.start() - 50), p.start());
                String near = placeQualifiers.matcher(before).replaceAll("");
                boolean atSeat = seatOf.matcher(before).find();
                if ((cues.has("venue_before", near) || atSeat || addressBefore.matcher(before).find()
                        || phraseUnit.matcher(before + text.substring(p.start(), Math.min(p.end(), p.start() + 12))).find())
                        && (!cues.has("authority", before.substring(Math.max(0, before.length() - 14))) || visitorsIn.matcher(before).find() || atSeat)
                        && (!missionSeat.matcher(before).find() || atMission.matcher(before).find()) && !describesAnother(doc, p, from)
                        && !connectionPoint.matcher(before).find()) {
                    best = p;
                    // a city right after its province ("in Guangxi's Nanning", "in Nanchang city, Jiangxi") stays the most specific
                    for (PlaceMention q : doc.placesStartingIn(p.end() + 1, p.end() + 30)) {
                        if (q.locality().level().equals("prefecture")
                                && q.locality().parent() != null && q.locality().parent().equals(p.locality().code())) {
                            best = q;
                        }
                    }
                    break;
                }
            }
            if (best != null) {
                best = cityOf(doc, sentences, s, best, to);
                evidence.add(doc.evidence("venue", best.start(), best.end()));
                return LocalityRef.of(best.locality());
            }
            // "tại Nhà hội đàm cửa khẩu quốc tế Hữu Nghị", "at the Youyiguan border gate": the unit the gate lies in
            BorderGates.Gate gate = gates.first(text, from, to);
            if (gate != null && atTheGate(text, from, gate)) {
                evidence.add(doc.evidence("venue", gate.start(), gate.end()));
                return gate.unit();
            }
            // "in the southern city", "in the Vietnamese province": the unit just named
            Matcher ana = anaphor.matcher(text.substring(from, to));
            if (ana.find()) {
                LocalityRef unit = antecedent(doc, s, from + ana.start(), ana.group(1));
                if (unit != null) {
                    return unit;
                }
            }
            // "held talks here": the place of the date line
            if (here.matcher(s.folded()).matches()) {
                PlaceMention p = datelineOrNear(doc, s);
                if (p != null) {
                    return LocalityRef.of(p.locality());
                }
            }
        }
        return null;
    }

    /** A venue word stands before the gate in its clause, at most {@value #GATE_REACH} characters before it. */
    private boolean atTheGate(String text, int from, BorderGates.Gate gate) {
        return gateBefore.matcher(text).region(Math.max(from, gate.start() - GATE_REACH), gate.start()).find();
    }

    /** "the People's Government of Qinzhou City in China's Guangxi": the place only says where the one before it lies. */
    private boolean describesAnother(ArticleDoc doc, PlaceMention p, int from) {
        for (PlaceMention q : doc.placesStartingIn(Math.max(from, p.start() - 40), p.start())) {
            // "Mong Cai city in Vietnam's Quang Ninh": a district of the unit names that unit
            if (q.end() <= p.start() && (p.locality().code().equals(q.locality().parent()) || p.locality().code().equals(q.locality().code()))
                    && describedBy.matcher(doc.text().substring(q.end(), p.start())).find()) {
                return true;
            }
        }
        return false;
    }

    /** Per article: the position of the first dateline place, or -1. */
    private record FirstDateline(VenueFinder finder) {
    }

    /** The first place (in the text's order) that is the dateline's or stands in the first 30 characters of {@code s}. */
    private PlaceMention datelineOrNear(ArticleDoc doc, Sentence s) {
        List<PlaceMention> places = doc.places();
        int dateline = doc.remember(new FirstDateline(this), () -> {
            for (int i = 0; i < places.size(); i++) {
                if (places.get(i).dateline()) {
                    return i;
                }
            }
            return -1;
        });
        int first = dateline < 0 ? places.size() : dateline;
        int i = ArticleDoc.firstStartingAt(places, PlaceMention::start, s.start());
        for (; i < first && places.get(i).start() < s.start() + 30; i++) {
            if (places.get(i).sentence() == s.index()) {
                return places.get(i);
            }
        }
        return first < places.size() ? places.get(first) : null;
    }

    /**
     * A province chosen as the venue, and the rest of its clause ({@code chosenEnd}) or a later encounter sentence of the
     * same exchange that puts the encounter in one of its cities ("visited Yunnan ... In the afternoon, in Kunming city, X received"):
     * the city, the most specific unit (codebook: venue).
     */
    private PlaceMention cityOf(ArticleDoc doc, List<Sentence> sentences, Sentence chosen, PlaceMention province, int chosenEnd) {
        if (!province.locality().level().equals("province")) {
            return province;
        }
        String text = doc.text();
        for (Sentence s : sentences) {
            if (s.index() < chosen.index()) {
                continue;
            }
            // the chosen sentence itself from the province on ("visited Yunnan ..., had talks ... in Kunming"), then the later ones
            boolean same = s.index() == chosen.index();
            for (PlaceMention q : doc.placesStartingIn(same ? province.end() : s.start(), same ? chosenEnd : s.end())) {
                if (q.dateline() || !province.locality().code().equals(q.locality().parent())) {
                    continue;
                }
                String before = text.substring(Math.max(s.start(), q.start() - 50), q.start());
                if (cues.has("venue_before", placeQualifiers.matcher(before).replaceAll("")) && !missionSeat.matcher(before).find()) {
                    return q;
                }
            }
        }
        return province;
    }

    /** The unit an anaphor at {@code at} points back to: the host's unit named first in this or the sentence before, else the last of that country. */
    private LocalityRef antecedent(ArticleDoc doc, Sentence s, int at, String qualifier) {
        String country = qualifier == null ? null : anaphorVn.matcher(qualifier).matches() ? "VN" : anaphorCn.matcher(qualifier).matches() ? "CN" : null;
        PlaceMention nearest = null;
        // the places of this sentence and the one before, up to the anaphor
        int from = s.index() > 0 ? doc.sentence(s.index() - 1).start() : 0;
        for (PlaceMention p : doc.placesStartingIn(from, at)) {
            if (!p.dateline() && p.sentence() >= s.index() - 1 && (country == null || p.locality().country().equals(country))) {
                nearest = p;
                if (country == null) {
                    break; // the host's unit, named first
                }
            }
        }
        if (nearest == null) { // the last one before it
            List<PlaceMention> places = doc.places();
            for (int i = ArticleDoc.firstStartingAt(places, PlaceMention::start, at) - 1; i >= 0 && nearest == null; i--) {
                if (country == null || places.get(i).locality().country().equals(country)) {
                    nearest = places.get(i);
                }
            }
        }
        return nearest == null ? null : LocalityRef.of(nearest.locality());
    }
}
