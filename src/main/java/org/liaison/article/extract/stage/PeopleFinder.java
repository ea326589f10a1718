package org.liaison.article.extract.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.NameIndex;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.Stage;
import org.liaison.article.extract.Surnames;
import org.liaison.gazetteer.Locality;
import org.liaison.people.PeopleDirectory;
import org.liaison.text.AliasKey;

/**
 * The people the text names: those of the people table first, then the names the recognisers
 * propose, vetted (no institution, no place, not inside a name already found) and given a side.
 * A place inside a person's name ("Hồ Chí Minh") is no place mention.
 */
public final class PeopleFinder implements Stage {

    private static final Pattern WORDS = Pattern.compile("[ \\-]+");

    private final NameIndex<PeopleDirectory.Seed> personNames;
    private final NameIndex<List<Locality>> placeNames;
    private final CueBook cues;
    private final Surnames surnames;
    private final NameWords words;
    private final List<NameRecogniser> recognisers;

    public PeopleFinder(NameIndex<PeopleDirectory.Seed> personNames, NameIndex<List<Locality>> placeNames, CueBook cues,
            Surnames surnames, NameWords words, List<NameRecogniser> recognisers) {
        this.personNames = personNames;
        this.placeNames = placeNames;
        this.cues = cues;
        this.surnames = surnames;
        this.words = words;
        this.recognisers = List.copyOf(recognisers);
    }

    @Override
    public void annotate(ArticleDoc doc) {
        Set<Integer> covered = new HashSet<>();
        for (NameIndex.Hit<PeopleDirectory.Seed> hit : personNames.hits(doc.folded(), 2, true)) {
            doc.persons().add(new PersonMention(hit.value().name(), hit.value().side(), hit.start(), hit.end(),
                    doc.sentenceAt(hit.start()), true));
            for (int c = hit.start(); c < hit.end(); c++) {
                covered.add(c);
            }
        }
        for (NameRecogniser r : recognisers) {
            r.propose(doc, (name, at) -> addUnknown(doc, name, at, covered));
        }
        doc.persons().sort(Comparator.comparingInt(PersonMention::start));
        doc.places().removeIf(pl -> doc.persons().stream().anyMatch(pm -> pl.overlaps(pm.start(), pm.end())));
    }

    private void addUnknown(ArticleDoc doc, String rawName, int originalStart, Set<Integer> covered) {
        List<String> kept = new ArrayList<>();
        for (String p : WORDS.split(rawName.strip())) {
            if (words.isInstitutionWord(p) && !(kept.isEmpty() && p.equals("Đoàn"))) {
                return; // "Đoàn" starts a name as a family name, elsewhere it is a delegation
            }
            String key = AliasKey.fold(p);
            if (words.isNotNameWord(key) || placeNames.contains(key) && kept.isEmpty()) {
                break;
            }
            kept.add(p);
        }
        if (kept.size() < 2) {
            return;
        }
        String name = String.join(" ", kept);
        int start = doc.folded().foldedOffset(originalStart);
        if (start < 0 || covered.contains(start)) {
            return;
        }
        String key = AliasKey.fold(name);
        if (personNames.contains(key) || placeNames.contains(key)) {
            return;
        }
        int end = start + key.length();
        for (int c = start; c < end; c++) {
            covered.add(c);
        }
        doc.persons().add(new PersonMention(name, sideOf(doc, name, start), start, end, doc.sentenceAt(start), false));
    }

    /** The side of a name the table does not know: from the words around it, then from its shape. */
    private String sideOf(ArticleDoc doc, String name, int at) {
        String text = doc.text();
        String around = text.substring(Math.max(0, at - 80), Math.min(text.length(), at + name.length() + 120));
        int clauseEnd = around.indexOf(';');
        String clause = clauseEnd > 0 ? around.substring(0, clauseEnd) : around;
        boolean cn = cues.has("cn", clause);
        boolean vn = cues.has("vn", clause);
        for (PlaceMention p : doc.places()) {
            if (p.start() >= at - 80 && p.start() <= at + name.length() + 120) {
                if (p.locality().country().equals("CN")) {
                    cn = true;
                } else {
                    vn = true;
                }
            }
        }
        String[] parts = AliasKey.fold(name).split(" ");
        String bySurname = surnames.sideOf(parts[0]);
        boolean vietnameseShape = ArticleDoc.hasVietnameseMarks(name) || parts.length >= 3;
        if (vietnameseShape && !cn) {
            return "VN";
        }
        if (cn && !vn) {
            return "CN";
        }
        if (vn && !cn) {
            return "VN";
        }
        if (parts.length == 2 && bySurname.equals("CN")) {
            return "CN";
        }
        return vietnameseShape || bySurname.equals("VN") ? "VN" : "CN";
    }
}
