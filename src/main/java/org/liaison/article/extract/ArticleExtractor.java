package org.liaison.article.extract;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.liaison.article.extract.coding.ExchangeCoder;
import org.liaison.article.extract.stage.DateFinder;
import org.liaison.article.extract.stage.EncounterFinder;
import org.liaison.article.extract.stage.PeopleFinder;
import org.liaison.article.extract.stage.PlaceFinder;
import org.liaison.article.extract.stage.PublicationDateFinder;
import org.liaison.article.extract.stage.SentenceSplitter;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.people.PeopleDirectory;
import org.liaison.theme.ThemeVocabulary;

/**
 * Finds the Vietnam–China exchanges an article reports and codes them per the codebook.
 * Deterministic and explainable: every field comes from a pattern of the data files under
 * {@code extraction/} or from the gazetteer and people tables, and carries its evidence span.
 *
 * <p>A pipeline of stages over one {@link ArticleDoc}, in the manner of CoreNLP's annotators:
 * sentences, publication date, dates, places, people, encounters (which sentences report which
 * meeting); then each exchange found is coded from its {@link Scope} by the {@link ExchangeCoder},
 * the main exchange first, further exchanges after it. Data files are read and patterns compiled
 * here, once.
 */
@Singleton
public class ArticleExtractor {

    /**
     * Further exchanges coded per article at most: reports of one visit tell a handful (the corpus: at most 4), and a
     * 200,000-character page of thousands of repeated meeting items is no report of thousands of exchanges. Each one is
     * coded from its own clause (its mentions found by offset), but each is compared with those kept before it.
     */
    static final int MAX_FURTHER = 20;

    /** Everything of the extractor but its clock: the stages and the coders, built from the data files. */
    private record Pipeline(List<Stage> stages, ExchangeCoder coder, ImpliedByMain implied) {

        static Pipeline of(Gazetteer gazetteer, PeopleDirectory people, ThemeVocabulary themes, RuleBook rules) {
            CueBook cues = new CueBook(rules);
            NameWords words = new NameWords();
            Surnames surnames = new Surnames();
            NameIndex<List<Locality>> placeNames = NameIndex.places(gazetteer);
            List<Stage> stages = List.of(
                    new SentenceSplitter(rules),
                    new PublicationDateFinder(cues, rules),
                    new DateFinder(rules),
                    new PlaceFinder(placeNames, gazetteer, cues, rules),
                    new PeopleFinder(NameIndex.people(people), placeNames, cues, surnames, words,
                            new PersonNames(gazetteer, surnames),
                            List.of(), rules),
                    new EncounterFinder(cues, rules));
            return new Pipeline(stages, new ExchangeCoder(gazetteer, placeNames, cues, words, new ThemeLexicon(themes), rules),
                    new ImpliedByMain(cues, rules));
        }
    }

    /**
     * The pipeline over the standard data files (those of the gazetteer, people and themes beans),
     * built once per process. The native image builds it when the image is built
     * ({@code --initialize-at-build-time} in application.properties): the start compiles and
     * indexes nothing, and a bad data file fails the build as it fails a JVM start.
     */
    private static final class Standard {
        static final Pipeline PIPELINE = Pipeline.of(new Gazetteer(), new PeopleDirectory(), new ThemeVocabulary(), new RuleBook());
    }

    private final List<Stage> stages;
    private final ExchangeCoder coder;
    private final ImpliedByMain implied;
    private final Clock clock;

    /** The service's extractor: the standard data files, today in the system's time zone. */
    @Inject
    public ArticleExtractor() {
        this(Standard.PIPELINE, Clock.systemDefaultZone());
    }

    /** {@code clock}: "today", the reference of an article without a publication date. */
    public ArticleExtractor(Gazetteer gazetteer, PeopleDirectory people, ThemeVocabulary themes, Clock clock) {
        this(gazetteer, people, themes, clock, new RuleBook());
    }

    /** {@code rules}: the stages' wording rules; each stage takes its own when it is built, so a missing one stops construction. */
    ArticleExtractor(Gazetteer gazetteer, PeopleDirectory people, ThemeVocabulary themes, Clock clock, RuleBook rules) {
        this(Pipeline.of(gazetteer, people, themes, rules), clock);
    }

    private ArticleExtractor(Pipeline pipeline, Clock clock) {
        this.stages = pipeline.stages();
        this.coder = pipeline.coder();
        this.implied = pipeline.implied();
        this.clock = clock;
    }

    public List<ExtractedExchange> extract(ArticleInput input) {
        if (input == null || input.text() == null || input.text().isBlank()) {
            return List.of();
        }
        ArticleDoc doc = annotate(input);
        Encounters encounters = doc.encounters();
        if (encounters == null) {
            return List.of();
        }
        List<ExtractedExchange> out = new ArrayList<>();
        ExtractedExchange main = encounters.main() == null ? null : coder.code(doc, encounters.main());
        if (main != null) {
            out.add(main);
        }
        // with no main exchange, recalled encounters are coded against the article's day alone
        ExtractedExchange context = main != null ? main : articleDay(doc);
        ExtractedExchange lastTold = main;
        for (Encounters.Clause c : encounters.clauses().subList(0, Math.min(MAX_FURTHER, encounters.clauses().size()))) {
            ExtractedExchange coded = coder.code(doc, new ClauseScope(doc.sentence(c.sentence()), c.start(), c.end(), context, c.link()));
            // "After the talks, the two sides signed ...": what a same-day clause leaves implicit is the exchange told just before
            ExtractedExchange basis = c.link() == Encounters.Link.SAME_DAY && lastTold != null ? lastTold : main;
            ExtractedExchange completed = main == null ? coded : implied.complete(doc, c, coded, basis);
            ExtractedExchange further = sameDayAsTheOneBefore(c, completed, lastTold, main);
            // a clause that names nobody and takes the main exchange's people ("the two ministers") is not told twice
            boolean peopleTakenOver = coded.participants().isEmpty() && c.link() != Encounters.Link.LISTED;
            if (peopleTakenOver || out.stream().noneMatch(e -> sameEncounter(e, further))) {
                out.add(further);
                if (c.link() != Encounters.Link.RECALLED) {
                    lastTold = further; // a recall is an aside: "the same day" after it is still the visit's day
                }
            }
        }
        return out;
    }

    /**
     * "On Monday, A held talks with B. Earlier the same day, C met the delegation": the same day is the day of the
     * exchange told just before ({@code before}: the last kept that is not a recall), which need not be the main exchange's.
     */
    private static ExtractedExchange sameDayAsTheOneBefore(Encounters.Clause c, ExtractedExchange further, ExtractedExchange before,
            ExtractedExchange main) {
        if (c.link() != Encounters.Link.SAME_DAY || before == null || before == main) {
            return further;
        }
        if (!before.datePrecision().equals("day") || before.date().equals(further.date())) {
            return further;
        }
        return new ExtractedExchange(before.date(), null, "day", further.format(), further.kind(), further.venue(), further.level(),
                further.participants(), further.localities(), further.themes(), further.evidence(), further.confidence());
    }

    /**
     * Told twice (a caption and the text, a list item and its sentence): the same day and the same named people. The
     * talks' leaders witnessing the signing of their deputies are those people too, at an exchange of its own.
     */
    private static boolean sameEncounter(ExtractedExchange a, ExtractedExchange b) {
        if (a.kind().equals("signing") != b.kind().equals("signing")) {
            return false;
        }
        Set<String> pa = new HashSet<>();
        a.participants().forEach(p -> pa.add(p.name()));
        Set<String> pb = new HashSet<>();
        b.participants().forEach(p -> pb.add(p.name()));
        return a.date().equals(b.date()) && a.datePrecision().equals("day") && !pa.isEmpty() && pa.equals(pb);
    }

    /** A stand-in for the main exchange of an article that reports none: its day and nobody. */
    private static ExtractedExchange articleDay(ArticleDoc doc) {
        return new ExtractedExchange(doc.referenceDate().toString(), null, "day", "in_person", "other", null, "central", List.of(),
                List.of(), List.of(), List.of(), 0);
    }

    /** The article through every stage: what the coding reads (and what the stage tests look at). */
    public ArticleDoc annotate(ArticleInput input) {
        ArticleDoc doc = new ArticleDoc(input, LocalDate.now(clock));
        for (Stage s : stages) {
            s.annotate(doc);
        }
        return doc;
    }
}
