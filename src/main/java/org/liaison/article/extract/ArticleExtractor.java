package org.liaison.article.extract;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    private final List<Stage> stages;
    private final ExchangeCoder coder;
    private final Clock clock;

    @Inject
    public ArticleExtractor(Gazetteer gazetteer, PeopleDirectory people, ThemeVocabulary themes) {
        this(gazetteer, people, themes, Clock.systemDefaultZone());
    }

    /** {@code clock}: "today", the reference of an article without a publication date. */
    public ArticleExtractor(Gazetteer gazetteer, PeopleDirectory people, ThemeVocabulary themes, Clock clock) {
        CueBook cues = new CueBook();
        NameWords words = new NameWords();
        Surnames surnames = new Surnames();
        NameIndex<List<Locality>> placeNames = NameIndex.places(gazetteer);
        this.stages = List.of(
                new SentenceSplitter(),
                new PublicationDateFinder(cues),
                new DateFinder(),
                new PlaceFinder(placeNames, cues),
                new PeopleFinder(NameIndex.people(people), placeNames, cues, surnames, words, new PersonNames(gazetteer),
                        List.of()),
                new EncounterFinder(cues));
        this.coder = new ExchangeCoder(gazetteer, placeNames, cues, words, new ThemeLexicon(themes));
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
        ExtractedExchange main = coder.code(doc, encounters.main());
        out.add(main);
        for (Encounters.Clause c : encounters.clauses()) {
            out.add(coder.code(doc, new ClauseScope(doc.sentence(c.sentence()), c.start(), c.end(), main)));
        }
        return out;
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
