package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.List;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.BorderGates;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Encounters;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.NameIndex;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Scope;
import org.liaison.article.extract.ThemeLexicon;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.gazetteer.LocalityRef;

/**
 * Codes one exchange from its scope, field by field, each field with its evidence. {@code confidence}
 * (0–1): 0.4 for an exchange found, +0.2 with named participants, +0.2 with a day-precise date, +0.1
 * for the article's main exchange, +0.1 with localities; times the date's year certainty (1 given or
 * settled by the publication date, 0.8 inferred from the text's other years, 0.5 only today's year).
 */
public final class ExchangeCoder {

    private final FormatCoder formats;
    private final KindCoder kinds;
    private final DateChooser dates;
    private final ParticipantChooser participants;
    private final VenueFinder venues;
    private final HostLocality hosts;
    private final LocalityRoles roles;
    private final ThemeCoder themes;
    private final Gazetteer gazetteer;

    public ExchangeCoder(Gazetteer gazetteer, NameIndex<List<Locality>> placeNames, CueBook cues, NameWords words,
            ThemeLexicon lexicon, RuleBook rules) {
        TitleReader titles = new TitleReader(gazetteer, placeNames, cues, words);
        this.formats = new FormatCoder(cues);
        this.kinds = new KindCoder(cues, rules);
        this.participants = new ParticipantChooser(cues, titles, gazetteer, new PassingMentions());
        this.dates = new DateChooser(rules);
        this.venues = new VenueFinder(cues, rules, new BorderGates(gazetteer));
        this.hosts = new HostLocality(gazetteer, cues, rules);
        this.roles = new LocalityRoles(gazetteer, cues, new ActingPlaces(cues, words, rules), titles, rules);
        this.themes = new ThemeCoder(lexicon, cues);
        this.gazetteer = gazetteer;
    }

    /** A further exchange dated the main exchange's day whose clause names no place at all. */
    private static boolean sameDayElsewhereUnsaid(ArticleDoc doc, ClauseScope clause, DateChoice date) {
        return clause.main() != null && clause.main().venue() != null && date.date().toString().equals(clause.main().date())
                && doc.places().stream().noneMatch(p -> !p.dateline() && p.start() < clause.focusEnd() && p.end() > clause.focusStart());
    }

    /** The clause names the main exchange's venue itself. */
    private static boolean namesMainVenue(ArticleDoc doc, ClauseScope clause) {
        return doc.placesStartingIn(clause.focusStart(), clause.focusEnd()).stream()
                .anyMatch(p -> !p.dateline() && p.locality().code().equals(clause.main().venue().code()));
    }

    /**
     * "tỉnh Hà Giang (cũ)" in a report of September 2025: a unit merged away before the exchange's day takes part, or is
     * the venue, as the unit that held its territory that day (the gazetteer's valid_to and successor); a mention keeps
     * the unit the source names.
     */
    private LocalityRef asOf(LocalityRef unit, java.time.LocalDate day) {
        Locality l = unit == null ? null : gazetteer.byCode(unit.code());
        return l == null || l.validOn(day) || l.successor() == null ? unit : LocalityRef.of(gazetteer.byCode(l.successor()));
    }

    private List<ExtractedExchange.LocalityRole> asOf(List<ExtractedExchange.LocalityRole> roles, java.time.LocalDate day) {
        java.util.Map<String, ExtractedExchange.LocalityRole> out = new java.util.LinkedHashMap<>();
        for (ExtractedExchange.LocalityRole r : roles) {
            LocalityRef named = new LocalityRef(r.code(), r.name(), r.country());
            LocalityRef unit = r.role().equals("mentioned") ? named : asOf(named, day); // a mention keeps the name the source uses
            out.putIfAbsent(unit.code() + "|" + r.role(), new ExtractedExchange.LocalityRole(unit.code(), unit.name(), unit.country(), r.role()));
        }
        return List.copyOf(out.values());
    }

    /** {@code unit} is a city (or other unit) of {@code province}: the more specific place of the two. */
    private boolean insideOf(LocalityRef unit, LocalityRef province) {
        if (unit == null || unit.code().equals(province.code())) {
            return false;
        }
        Locality l = gazetteer.byCode(unit.code());
        return l != null && province.code().equals(l.parent());
    }

    public ExtractedExchange code(ArticleDoc doc, Scope scope) {
        List<ExtractedExchange.Evidence> evidence = new ArrayList<>();
        String format = formats.code(doc, scope, evidence);
        String kind = kinds.code(doc, scope, evidence);
        DateChoice date = dates.choose(doc, scope, evidence);
        Participants people = participants.choose(doc, scope, evidence);
        // online or by phone, nobody was anywhere together (codebook: venue)
        boolean remote = format.equals("online") || format.equals("phone");
        LocalityRef venue = remote ? null : venues.find(doc, scope, evidence);
        if (venue == null && !remote && scope instanceof ClauseScope clause && sameDayElsewhereUnsaid(doc, clause, date)) {
            // "Earlier the same day, X called on Y": a further meeting of the visit, that day, in no other place: the main one's
            venue = clause.main().venue();
        }
        List<ExtractedExchange.LocalityRole> localities = roles.assign(doc, scope, people, venue);
        if (venue == null && format.equals("in_person")) {
            // no place said: the host locality's, when the roles tell who received whom
            venue = hosts.find(doc, scope, localities, evidence);
            if (venue != null) {
                localities = roles.assign(doc, scope, people, venue);
            }
        }
        if (venue != null && scope instanceof ClauseScope clause && clause.link() != Encounters.Link.RECALLED
                && insideOf(clause.main().venue(), venue) && (clause.link() == Encounters.Link.SAME_DAY
                        || date.date().toString().equals(clause.main().date()) || namesMainVenue(doc, clause))) {
            // "On the same day, Quang held talks with Guangdong Vice Governor Zhang Hu", "On Wednesday evening, Zhao Kaiwen,
            // vice governor of Yunnan, met the delegation", "ngay sau khi đến Côn Minh, đoàn được ... tiếp": the main one's city
            venue = clause.main().venue();
            localities = roles.assign(doc, scope, people, venue);
        }
        venue = asOf(venue, date.date());
        localities = asOf(localities, date.date());
        List<ExtractedExchange.Participant> chosen = new ArrayList<>();
        for (ExtractedExchange.Participant p : people.byName().values()) {
            chosen.add(new ExtractedExchange.Participant(p.name(), p.side(), p.titles(), p.organisation(), asOf(p.locality(), date.date())));
        }
        String level = localities.stream().anyMatch(l -> l.role().equals("participant")) ? "locality" : "central";
        List<String> themeCodes = themes.code(doc, scope, evidence);
        double confidence = 0.4 + (people.byName().isEmpty() ? 0 : 0.2) + (date.precision().equals("day") ? 0.2 : 0)
                + (scope instanceof MainScope ? 0.1 : 0) + (localities.isEmpty() ? 0 : 0.1);
        return new ExtractedExchange(date.date().toString(), date.until() == null ? null : date.until().toString(), date.precision(),
                format, kind, venue, level, List.copyOf(chosen), localities, themeCodes, evidence,
                Math.min(1.0, confidence) * date.yearCertainty());
    }
}
