package org.liaison.article.extract.stage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.NameIndex;
import org.liaison.article.extract.NameMention;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PersonNames;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Stage;
import org.liaison.article.extract.Surnames;
import org.liaison.gazetteer.Locality;
import org.liaison.people.PeopleDirectory;
import org.liaison.text.AliasKey;

/**
 * The people the text names: those of the people table first; then the names {@link PersonNames} finds by their shape
 * beside a title, a form of address or a meeting verb; then what further recognisers propose. A shape that overlaps a
 * table hit is the table's; a shape one of whose forms (canonical, as written, the Hán-Việt form beside it) is a name of
 * the table is that person; a form met earlier in the article ("Dai Qi Yuan (Đới Khải Nguyên)" ... "ông Đới Khải
 * Nguyên") is that earlier person. A place inside a person's name ("Hồ Chí Minh") is no place mention.
 */
public final class PeopleFinder implements Stage {

    private static final Pattern WORDS = Pattern.compile("[ \\-]+");

    private final NameIndex<PeopleDirectory.Seed> personNames;
    private final NameIndex<List<Locality>> placeNames;
    private final CueBook cues;
    private final Surnames surnames;
    private final NameWords words;
    private final PersonNames shapes;
    private final List<NameRecogniser> recognisers;
    /** "châu tự trị dân tộc Hà Nhì, Di Hồng Hà": a shape after the peoples of an autonomous unit is part of its name. */
    private final Pattern ethnicListBefore;
    /** "cửa khẩu quốc tế đường bộ số II Kim Thành": a shape after a border site's word names the site. */
    private final Pattern siteBefore;
    /** "quận Thượng Thành": a district's unit word and its name, the names of districts the gazetteer may lack. */
    private final Pattern unitName;
    /** "Phía huyện Hà Khẩu có ông Trương Vĩ": the head of one side's list of attendees, looked for this far before a name. */
    private static final int LIST_REACH = 400;
    private final Pattern listSide;

    public PeopleFinder(NameIndex<PeopleDirectory.Seed> personNames, NameIndex<List<Locality>> placeNames, CueBook cues,
            Surnames surnames, NameWords words, PersonNames shapes, List<NameRecogniser> recognisers, RuleBook rules) {
        this.ethnicListBefore = rules.pattern("people.ethnic_list_before");
        this.siteBefore = rules.pattern("people.site_before");
        this.unitName = rules.pattern("people.unit_name");
        this.listSide = rules.pattern("people.list_side");
        this.personNames = personNames;
        this.placeNames = placeNames;
        this.cues = cues;
        this.surnames = surnames;
        this.words = words;
        this.shapes = shapes;
        this.recognisers = List.copyOf(recognisers);
    }

    /** The person an article's form stands for: canonical name, side, and whether the table knows them. */
    private record Person(String name, String side, boolean known) {
    }

    @Override
    public void annotate(ArticleDoc doc) {
        BitSet covered = new BitSet();
        Map<String, Person> forms = new HashMap<>();
        Map<Integer, List<Integer>> tableHitsAt = new HashMap<>();
        for (NameIndex.Hit<PeopleDirectory.Seed> hit : personNames.hits(doc.folded(), 2, true, doc::sentenceEndsBetween)) {
            doc.persons().add(new PersonMention(hit.value().name(), hit.value().side(), hit.start(), hit.end(),
                    doc.sentenceAt(hit.start()), true));
            tableHitsAt.computeIfAbsent(hit.start(), k -> new ArrayList<>()).add(doc.persons().size() - 1);
            covered.set(hit.start(), hit.end());
        }
        Set<String> districts = districtNames(doc.folded().original);
        for (NameMention m : shapes.find(doc.folded())) {
            if (!districts.contains(AliasKey.fold(m.written().strip()))) {
                addShape(doc, m, covered, forms, tableHitsAt);
            }
        }
        for (NameRecogniser r : recognisers) {
            r.propose(doc, (name, at) -> addUnknown(doc, name, at, covered, forms));
        }
        doc.persons().sort(Comparator.comparingInt(PersonMention::start));
        // people's mentions do not overlap (each one claims its characters), so the one that may overlap a place is found by its offset
        doc.places().removeIf(pl -> doc.personOverlaps(pl.start(), pl.end()));
    }

    /**
     * The names the article writes after a district's unit word, folded: the name's two words and, when it has three, all
     * three. The text is read once, so that a shape is checked by a look-up.
     */
    private Set<String> districtNames(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = unitName.matcher(text);
        while (m.find()) {
            String[] w = m.group(1).split(" ");
            out.add(AliasKey.fold(w[0] + " " + w[1]));
            if (w.length == 3) {
                out.add(AliasKey.fold(m.group(1)));
            }
        }
        return out;
    }

    private void addShape(ArticleDoc doc, NameMention m, BitSet covered, Map<String, Person> forms,
            Map<Integer, List<Integer>> tableHitsAt) {
        Folded f = doc.folded();
        int start = f.foldedOffset(m.start());
        int end = m.end() >= f.original.length() ? f.text.length() : f.foldedOffset(m.end());
        if (start < 0 || end <= start) {
            return;
        }
        if (covered.get(start, end).cardinality() > 0) {
            lendTitle(doc, m, start, end, tableHitsAt.getOrDefault(start, List.of()));
            return;
        }
        String before = f.text.substring(Math.max(0, start - 40), start);
        if (ethnicListBefore.matcher(before).find() || siteBefore.matcher(before).find()) {
            return;
        }
        String first = WORDS.split(m.written().strip())[0];
        if (words.isInstitutionWord(first) && !first.equals("Đoàn")) {
            return; // "Vụ Đông Bắc Á", "Ban Đối ngoại": an office written like a family name once its tone is gone
        }
        List<String> keys = new ArrayList<>();
        keys.add(AliasKey.fold(m.canonical()));
        keys.add(AliasKey.fold(m.written()));
        m.aliases().forEach(a -> keys.add(AliasKey.fold(a)));
        Person person = null;
        for (String k : keys) {
            PeopleDirectory.Seed seed = personNames.get(k);
            if (seed != null) {
                person = new Person(seed.name(), seed.side(), true);
                break;
            }
        }
        for (int i = 0; person == null && i < keys.size(); i++) {
            person = forms.get(keys.get(i));
        }
        if (person == null) {
            String side = m.side() == NameMention.Side.UNKNOWN ? sideOf(doc, m.canonical(), start) : m.side().name();
            String listed = m.shape() == NameMention.Shape.PINYIN ? null : sideOfTheList(doc, start);
            side = listed != null ? listed : side;
            person = new Person(m.canonical(), side, false);
        }
        for (String k : keys) {
            forms.putIfAbsent(k, person);
        }
        covered.set(start, end);
        doc.persons().add(new PersonMention(person.name(), person.side(), start, end, doc.sentenceAt(start), person.known(),
                m.title()));
    }

    /**
     * The table found this name first: its mention keeps the title the shape read beside it. Only the table's mentions
     * ({@code atStart}: their positions, of those starting where the shape does) are known before the shapes are read.
     */
    private static void lendTitle(ArticleDoc doc, NameMention m, int start, int end, List<Integer> atStart) {
        List<PersonMention> persons = doc.persons();
        for (int i : atStart) {
            PersonMention p = persons.get(i);
            if (p.known() && p.start() == start && p.end() == end && p.title().isEmpty() && !m.title().isEmpty()) {
                persons.set(i, new PersonMention(p.name(), p.side(), p.start(), p.end(), p.sentence(), true, m.title()));
            }
        }
    }

    private void addUnknown(ArticleDoc doc, String rawName, int originalStart, BitSet covered, Map<String, Person> forms) {
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
        if (start < 0 || covered.get(start)) {
            return;
        }
        String key = AliasKey.fold(name);
        if (personNames.contains(key) || placeNames.contains(key)) {
            return;
        }
        int end = start + key.length();
        covered.set(start, end);
        Person earlier = forms.get(key);
        Person person = earlier != null ? earlier : new Person(name, sideOf(doc, name, start), false);
        forms.putIfAbsent(key, person);
        doc.persons().add(new PersonMention(person.name(), person.side(), start, end, doc.sentenceAt(start), person.known()));
    }

    /**
     * The side the last list head before the name in its sentence names ("Phía huyện Hà Khẩu có ông ..."), by its place or
     * its side word; null when there is none or it names neither side. A Hán-Việt name reads as Vietnamese by its shape.
     */
    private String sideOfTheList(ArticleDoc doc, int at) {
        int from = Math.max(doc.sentence(doc.sentenceAt(at)).start(), at - LIST_REACH);
        java.util.regex.Matcher m = listSide.matcher(doc.text()).region(from, at);
        int headStart = -1;
        int headEnd = -1;
        while (m.find()) {
            headStart = m.start();
            headEnd = m.end();
        }
        if (headStart < 0) {
            return null;
        }
        String head = doc.text().substring(headStart, headEnd);
        for (PlaceMention p : doc.placesStartingIn(headStart, headEnd)) {
            return p.locality().country();
        }
        boolean cn = cues.has("cn", head) || head.contains("phia ban");
        boolean vn = cues.has("vn", head);
        return cn == vn ? null : cn ? "CN" : "VN";
    }

    /** The side of a name neither the table nor its title tells: from the words around it, then from its shape. */
    private String sideOf(ArticleDoc doc, String name, int at) {
        String text = doc.text();
        String around = text.substring(Math.max(0, at - 80), Math.min(text.length(), at + name.length() + 120));
        int clauseEnd = around.indexOf(';');
        String clause = clauseEnd > 0 ? around.substring(0, clauseEnd) : around;
        boolean cn = cues.has("cn", clause);
        boolean vn = cues.has("vn", clause);
        for (PlaceMention p : doc.placesStartingIn(at - 80, at + name.length() + 121)) {
            if (p.locality().country().equals("CN")) {
                cn = true;
            } else {
                vn = true;
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
