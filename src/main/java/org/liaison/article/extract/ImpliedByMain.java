package org.liaison.article.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.liaison.gazetteer.LocalityRef;

/**
 * What a further exchange's clause leaves implicit and the main exchange tells: "The same day, he
 * met B" keeps the day of the exchange told before it (ArticleExtractor; the main exchange's city when the clause names
 * none), "The following day, X received the delegation" the visit's place; the items of a list
 * of meetings share the sentence's subject, the visiting delegation and its head; a side the clause
 * does not name at all (no person, no locality) is the main exchange's side, its localities
 * included ("The two sides signed ... on September 4, 2013"). What the clause names is kept.
 */
final class ImpliedByMain {

    /** "On the occasion, the Chinese delegation held talks with ...": side talks of the visit, not necessarily its head's. */
    private static final java.util.regex.Pattern ON_THE_OCCASION = java.util.regex.Pattern.compile("\\W*(?:on the occasion|nhan dip)\\b");

    private final CueBook cues;
    /** "đã tiếp đoàn công tác thành phố Phòng Thành Cảng", "received the delegation": the main exchange's delegation. */
    private final java.util.regex.Pattern receivesDelegation;
    /** "the delegation had a working session with ...", "đoàn đã làm việc với": the main exchange's delegation meets. */
    private final java.util.regex.Pattern delegationMeets;

    ImpliedByMain(CueBook cues, RuleBook rules) {
        this.cues = cues;
        this.receivesDelegation = rules.pattern("encounters.receives_delegation");
        this.delegationMeets = rules.pattern("encounters.delegation_meets");
    }

    ExtractedExchange complete(ArticleDoc doc, Encounters.Clause clause, ExtractedExchange further, ExtractedExchange main) {
        String date = further.date();
        String until = further.endDate();
        String precision = further.datePrecision();
        LocalityRef venue = further.venue();
        List<ExtractedExchange.Participant> people = new ArrayList<>(further.participants());
        List<ExtractedExchange.LocalityRole> localities = new ArrayList<>(further.localities());
        LocalDate day = LocalDate.parse(date);
        LocalDate mainDay = LocalDate.parse(main.date());
        if (clause.link() == Encounters.Link.RECALLED && doc.published() == null && day.isAfter(mainDay) && !day.minusYears(1).isAfter(mainDay)) {
            // "tại cuộc hội đàm ngày 14/6 vừa qua" in an article without a publication date: a recalled exchange is earlier
            // than the one reported, so a day whose year was inferred from the text is the latest such day before it
            date = day.minusYears(1).toString();
            until = until == null ? null : LocalDate.parse(until).minusYears(1).toString();
        }
        if (clause.link() == Encounters.Link.SAME_DAY && !precision.equals("day") && main.datePrecision().equals("day")) {
            date = main.date();
            until = null;
            precision = "day";
        }
        // a phone call or a video conference has no venue (codebook: venue), whatever the main exchange's
        boolean remote = further.format().equals("online") || further.format().equals("phone");
        if (clause.link() == Encounters.Link.SAME_DAY && venue == null && main.venue() != null && !remote) {
            venue = main.venue();
            addRole(localities, venue, "venue");
        }
        if (venue == null && clause.link() != Encounters.Link.RECALLED && main.venue() != null && !remote) {
            venue = hostLocality(further, main.venue().country());
            if (venue == null && clause.link() == Encounters.Link.SAME_VISIT && namesNoPlace(doc, clause) && precision.equals("day")
                    && Math.abs(LocalDate.parse(date).toEpochDay() - mainDay.toEpochDay()) <= 1) {
                // "The following day, X held a working session with the delegation": the visit's place, the clause naming no other
                venue = main.venue();
            }
            if (venue != null) {
                addRole(localities, venue, "venue");
            }
        }
        // a recalled encounter keeps the main exchange's sides only when it refers to them ("the two sides"), or names an
        // earlier meeting of the same series by its number ("Hội thảo lần thứ nhất", "the first workshop")
        String clauseText = doc.text().substring(clause.start(), clause.end());
        boolean bySides = cues.has("two_sides", clauseText) || clause.link() == Encounters.Link.RECALLED && cues.has("named_event", clauseText);
        boolean sidesImplied = clause.link() != Encounters.Link.RECALLED || bySides;
        // "In the afternoon, the two ministers co-chaired a ceremony": the main exchange's people, as a list item's
        boolean peopleImplied = clause.link() == Encounters.Link.LISTED || bySides && clause.link() != Encounters.Link.RECALLED;
        if (sidesImplied) {
            for (String side : List.of("VN", "CN")) {
                if (names(further, side)) {
                    continue;
                }
                if (peopleImplied) {
                    main.participants().stream().filter(p -> p.side().equals(side)).forEach(people::add);
                }
                main.localities().stream().filter(l -> l.role().equals("participant") && l.country().equals(side))
                        .forEach(l -> addRole(localities, new LocalityRef(l.code(), l.name(), l.country()), "participant"));
            }
        }
        if (clause.link() != Encounters.Link.RECALLED && cues.has("witnessed_by_heads", clauseText)) {
            witnessedByHeads(people, main);
        }
        if (clause.link() != Encounters.Link.RECALLED && (receivesDelegation.matcher(clauseText).find()
                || delegationMeets.matcher(clauseText).find() && !ON_THE_OCCASION.matcher(clauseText).lookingAt())) {
            // the host receives the delegation, or the delegation meets ("On Thursday, the delegation had a working session
            // with ..."); side talks "on the occasion" may have been held by other members
            delegationsHead(people, main);
        }
        actingForTheSameLocality(people, localities, main);
        delegationsLocality(people, localities, main);
        boolean local = localities.stream().anyMatch(l -> l.role().equals("participant"));
        return new ExtractedExchange(date, until, precision, further.format(), further.kind(), venue, local ? "locality" : "central",
                List.copyOf(people), List.copyOf(localities), further.themes(), further.evidence(), further.confidence());
    }

    /**
     * "Sau hội đàm, dưới sự chứng kiến của lãnh đạo hai bên, ông A và ông B đã ký ...": the heads of the main exchange, its
     * first person of each side, witness the signing and so take part in it.
     */
    private static void witnessedByHeads(List<ExtractedExchange.Participant> people, ExtractedExchange main) {
        for (String side : List.of("VN", "CN")) {
            main.participants().stream().filter(p -> p.side().equals(side)).findFirst()
                    .filter(head -> people.stream().noneMatch(p -> p.name().equals(head.name())))
                    .ifPresent(people::add);
        }
    }

    /**
     * "Chiều cùng ngày, đồng chí X đã tiếp đoàn công tác thành phố Phòng Thành Cảng": the delegation of the main exchange,
     * the side visiting the country it took place in, headed by its first person there, when the clause names nobody of it.
     */
    private static void delegationsHead(List<ExtractedExchange.Participant> people, ExtractedExchange main) {
        if (main.venue() == null) {
            return; // whose delegation it is follows from where the visit is
        }
        String visitors = main.venue().country().equals("VN") ? "CN" : "VN";
        if (people.stream().noneMatch(p -> p.side().equals(visitors))) {
            main.participants().stream().filter(p -> p.side().equals(visitors)).findFirst().ifPresent(people::add);
        }
    }

    /** The clause names no place of the gazetteer (a dateline aside). */
    private static boolean namesNoPlace(ArticleDoc doc, Encounters.Clause clause) {
        return doc.placesStartingIn(clause.start(), clause.end()).stream().allMatch(PlaceMention::dateline);
    }

    /**
     * Another meeting of a visit to the host country (where the main exchange took place), with
     * one locality of the host taking part: it received the visitors at home ("hội đàm với Đoàn
     * đại biểu Thủ đô Bắc Kinh" in Beijing). Null when the host has no locality or several.
     */
    private static LocalityRef hostLocality(ExtractedExchange further, String hostCountry) {
        List<ExtractedExchange.LocalityRole> hosts = further.localities().stream()
                .filter(l -> l.role().equals("participant") && l.country().equals(hostCountry)).toList();
        return hosts.size() == 1 ? new LocalityRef(hosts.get(0).code(), hosts.get(0).name(), hosts.get(0).country()) : null;
    }

    /**
     * "Earlier the same day, Truong received Yang and his delegation": a main participant named again acts for the
     * locality he acted for at the main exchange, though the clause does not name it.
     */
    private static void actingForTheSameLocality(List<ExtractedExchange.Participant> people, List<ExtractedExchange.LocalityRole> localities,
            ExtractedExchange main) {
        for (int i = 0; i < people.size(); i++) {
            ExtractedExchange.Participant p = people.get(i);
            if (p.locality() != null) {
                continue;
            }
            for (ExtractedExchange.Participant m : main.participants()) {
                if (m.name().equals(p.name()) && m.locality() != null) {
                    people.set(i, new ExtractedExchange.Participant(p.name(), p.side(), p.titles(), p.organisation(), m.locality()));
                    addRole(localities, m.locality(), "participant");
                    break;
                }
            }
        }
    }

    /**
     * "Earlier the same day, Khang received the delegation": a side whose people here are only the main exchange's (its
     * delegation's head taken over) and whose locality the clause does not name acts for the one locality it acted for
     * there.
     */
    private static void delegationsLocality(List<ExtractedExchange.Participant> people, List<ExtractedExchange.LocalityRole> localities,
            ExtractedExchange main) {
        for (String side : List.of("VN", "CN")) {
            List<ExtractedExchange.Participant> ofSide = people.stream().filter(p -> p.side().equals(side)).toList();
            boolean onlyMainPeople = !ofSide.isEmpty() && ofSide.stream()
                    .allMatch(p -> main.participants().stream().anyMatch(m -> m.name().equals(p.name())));
            boolean localityNamed = localities.stream().anyMatch(l -> l.role().equals("participant") && l.country().equals(side));
            List<ExtractedExchange.LocalityRole> mainOfSide = main.localities().stream()
                    .filter(l -> l.role().equals("participant") && l.country().equals(side)).toList();
            if (onlyMainPeople && !localityNamed && mainOfSide.size() == 1) {
                ExtractedExchange.LocalityRole l = mainOfSide.get(0);
                addRole(localities, new LocalityRef(l.code(), l.name(), l.country()), "participant");
            }
        }
    }

    /** The clause names an actor of the side: a person, or a locality that takes part. */
    private static boolean names(ExtractedExchange e, String side) {
        return e.participants().stream().anyMatch(p -> p.side().equals(side))
                || e.localities().stream().anyMatch(l -> l.role().equals("participant") && l.country().equals(side));
    }

    private static void addRole(List<ExtractedExchange.LocalityRole> roles, LocalityRef place, String role) {
        boolean present = roles.stream().anyMatch(l -> l.code().equals(place.code()) && l.role().equals(role));
        if (!present) {
            roles.removeIf(l -> l.code().equals(place.code()) && l.role().equals("mentioned"));
            roles.add(new ExtractedExchange.LocalityRole(place.code(), place.name(), place.country(), role));
        }
    }
}
