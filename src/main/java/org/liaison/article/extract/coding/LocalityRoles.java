package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.Sentence;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.gazetteer.LocalityRef;

/**
 * The localities of an exchange and their roles (codebook section 2): participant (a participant
 * acts for it, or it acts itself), venue, or, for the main exchange, mentioned.
 */
final class LocalityRoles {

    /** "met officials of the city": the host unit takes part in a further exchange. */
    /**
     * Between two places of one list: "Cao Bang, Lang Son, Quang Ninh, and Ha Giang", "Cao Bằng, Lạng Sơn và Hà Giang",
     * "các tỉnh Cao Bằng, tỉnh Lạng Sơn"; a country in brackets may close a list ("Ha Giang (Vietnam) and").
     */
    private final Pattern listJoin;
    /** "Ha Giang (Vietnam) and": the bracketed country does not break the list. */
    private final Pattern bracketedCountry;
    private final Pattern hostOfficials;
    /** "… attended the meeting", "Cùng dự có …": the sentence says who attended. */
    private final Pattern attendedWords;
    /** How far before a place the words saying whom the attendees came from are looked for. */
    private static final int ATTENDEES_REACH = 300;
    /** "participants, including officials from A, B and C": the places after it took part. */
    private final Pattern attendeesFrom;

    private final Gazetteer gazetteer;
    private final CueBook cues;
    private final ActingPlaces acting;
    private final TitleReader titles;

    LocalityRoles(Gazetteer gazetteer, CueBook cues, ActingPlaces acting, TitleReader titles, RuleBook rules) {
        this.gazetteer = gazetteer;
        this.cues = cues;
        this.acting = acting;
        this.titles = titles;
        this.listJoin = rules.pattern("roles.list_join");
        this.bracketedCountry = rules.pattern("roles.bracketed_country");
        this.hostOfficials = rules.pattern("roles.host_officials");
        this.attendedWords = rules.pattern("roles.attended");
        this.attendeesFrom = rules.pattern("roles.attendees_from");
    }

    List<ExtractedExchange.LocalityRole> assign(ArticleDoc doc, Scope scope, Participants people, LocalityRef venue) {
        // "code|role" keys, in the order the roles are found
        Map<String, String> roles = new LinkedHashMap<>();
        for (String loc : people.localities().values()) {
            roles.put(loc + "|participant", "participant");
        }
        // the main exchange reads its sentences and its participants' sentences; a clause only itself
        Set<Integer> scopeSentences = new HashSet<>();
        if (scope instanceof MainScope main) {
            people.chosen().forEach(p -> scopeSentences.add(p.sentence()));
            main.sentences().forEach(c -> scopeSentences.add(c.index()));
        }
        List<PlaceMention> actingMentions = new ArrayList<>();
        int pageEnd = pageEnd(doc);
        // a clause reads its own places only
        List<PlaceMention> candidates = scope instanceof MainScope ? doc.places() : doc.placesStartingIn(scope.focusStart(), scope.focusEnd());
        for (PlaceMention p : candidates) {
            if (p.dateline() || notAPlace(doc, p, pageEnd)) {
                continue;
            }
            boolean inFocus = scope.inFocus(p.start());
            Sentence ps = doc.sentence(p.sentence());
            boolean inScope = inFocus || scopeSentences.contains(p.sentence()) && p.start() >= scope.focusStart()
                    && !doc.sentenceHas(cues, "earlier", ps);
            if (!inScope) {
                continue;
            }
            // the chosen mentions are in the text's order: those within 120 characters are found by offset
            boolean nearParticipant = inFocus || ArticleDoc.startingIn(people.chosen(), PersonMention::start, p.start() - 119, p.start() + 120)
                    .stream().anyMatch(c -> c.sentence() == p.sentence());
            boolean subject = (inFocus || scope instanceof MainScope main && main.has(ps))
                    && acting.acts(doc, p, Math.max(scope.focusStart(), ps.start()), inFocus);
            // "officials ... of the people's committees of the border provinces of A, B and C attended the meeting": an
            // authority of the place among those who attended, though no person of it is named
            if (acting.isAuthority(doc, p) && (nearParticipant || scope instanceof MainScope && attendedWords.matcher(ps.folded()).find())
                    || subject || scope instanceof MainScope m && m.has(ps) && attendeesFrom(doc, ps, p)) {
                roles.put(p.locality().code() + "|participant", "participant");
                actingMentions.add(p);
            }
        }
        for (PlaceMention p : listedWith(doc, actingMentions)) {
            roles.put(p.locality().code() + "|participant", "participant");
        }
        if (venue != null) {
            roles.put(venue.code() + "|venue", "venue");
            if (scope instanceof ClauseScope && hostOfficials.matcher(doc.text().substring(scope.focusStart(), scope.focusEnd())).find()) {
                roles.put(venue.code() + "|participant", "participant");
            }
        }
        if (scope instanceof MainScope) { // the other places the article names
            for (PlaceMention p : doc.places()) {
                if (!p.dateline() && !notAPlace(doc, p, pageEnd) && !roles.containsKey(p.locality().code() + "|participant")
                        && !roles.containsKey(p.locality().code() + "|venue")) {
                    roles.put(p.locality().code() + "|mentioned", "mentioned");
                }
            }
        }
        cityInItsProvince(roles, people);
        List<ExtractedExchange.LocalityRole> out = new ArrayList<>();
        roles.forEach((k, role) -> {
            Locality l = gazetteer.byCode(k.substring(0, k.indexOf('|')));
            out.add(new ExtractedExchange.LocalityRole(l.code(), l.name(), l.country(), role));
        });
        return out;
    }

    /** "brought together participants, including officials from Chongzuo, ...": the place is one the attendees came from. */
    private boolean attendeesFrom(ArticleDoc doc, Sentence ps, PlaceMention p) {
        return attendeesFrom.matcher(doc.text()).region(Math.max(ps.start(), p.start() - ATTENDEES_REACH), p.start()).find()
                && !acting.onlySaysWhere(doc, p);
    }

    /**
     * A place mention that names no place of this article's exchange: one inside a person's name ("Phó Thủ tướng Trần
     * Hồng Hà" is not Honghe), or one in the page's other items after "Related news" / "Tin liên quan".
     */
    private static boolean notAPlace(ArticleDoc doc, PlaceMention p, int pageEnd) {
        return p.start() >= pageEnd || doc.personOverlaps(p.start(), p.end());
    }

    /** Per article: where its page's other items begin. */
    private record PageEnd(LocalityRoles roles) {
    }

    /**
     * Where the article ends and the page's other items begin: the first sentence or line that opens them, or the text's
     * end. Read once per article, each line of a sentence up to its next line break within the sentence.
     */
    private int pageEnd(ArticleDoc doc) {
        return doc.remember(new PageEnd(this), () -> findPageEnd(doc));
    }

    private int findPageEnd(ArticleDoc doc) {
        String text = doc.text();
        for (Sentence s : doc.sentences()) {
            int lineStart = s.start();
            while (lineStart >= 0 && lineStart < s.end()) {
                int lineEnd = lineStart;
                while (lineEnd < s.end() && text.charAt(lineEnd) != '\n') {
                    lineEnd++;
                }
                if (cues.has("page_noise", text.substring(lineStart, lineEnd))) {
                    return lineStart;
                }
                lineStart = lineEnd + 1;
            }
        }
        return text.length();
    }

    /**
     * "the Secretaries of the 4 provinces of Cao Bang, Lang Son, Quang Ninh and Ha Giang": an authority named for the
     * first place of a list acts for every place of that list (of the same country).
     */
    private List<PlaceMention> listedWith(ArticleDoc doc, List<PlaceMention> actingMentions) {
        List<PlaceMention> places = doc.places();
        List<PlaceMention> out = new ArrayList<>();
        String text = doc.text();
        for (PlaceMention a : actingMentions) {
            int i = positionOf(places, a);
            for (int step : new int[] { 1, -1 }) {
                PlaceMention cur = a;
                for (int j = i + step; j >= 0 && j < places.size(); j += step) {
                    PlaceMention next = places.get(j);
                    PlaceMention first = step > 0 ? cur : next;
                    PlaceMention second = step > 0 ? next : cur;
                    // "huyện Lục Xuân, châu Hồng Hà, tỉnh Vân Nam" says where, it is no list: a unit and its parent end it
                    if (next.sentence() != a.sentence() || !next.locality().country().equals(a.locality().country())
                            || next.locality().code().equals(cur.locality().parent()) || cur.locality().code().equals(next.locality().parent())
                            || second.start() - first.end() > 30
                            || !listJoin.matcher(withoutCountry(text.substring(first.end(), second.start()))).matches()) {
                        break;
                    }
                    out.add(next);
                    cur = next;
                }
            }
        }
        return out;
    }

    /** Where a mention stands in the places (sorted by start): the first equal one from its start on. */
    private static int positionOf(List<PlaceMention> places, PlaceMention a) {
        for (int i = ArticleDoc.firstStartingAt(places, PlaceMention::start, a.start()); i < places.size() && places.get(i).start() == a.start(); i++) {
            if (places.get(i).equals(a)) {
                return i;
            }
        }
        return places.indexOf(a);
    }

    /** "Ha Giang (Vietnam) and": the bracketed country does not break the list. */
    private String withoutCountry(String between) {
        return bracketedCountry.matcher(between).replaceFirst("");
    }

    /**
     * "member of the Zhejiang provincial Party Committee and Secretary of the Hangzhou municipal Party
     * Committee": a province and its own city in one person's titles: the city is the post he acts in.
     */
    private void cityInItsProvince(Map<String, String> roles, Participants people) {
        for (String k : List.copyOf(roles.keySet())) {
            if (!k.endsWith("|participant")) {
                continue;
            }
            Locality l = gazetteer.byCode(k.substring(0, k.indexOf('|')));
            if (l.parent() != null && roles.containsKey(l.parent() + "|participant") && people.byName().values().stream()
                    .anyMatch(pp -> pp.titles() != null && titles.titlesName(pp.titles(), l.code(), l.parent()))) {
                roles.remove(l.parent() + "|participant");
                roles.put(l.parent() + "|mentioned", "mentioned");
            }
        }
    }
}
