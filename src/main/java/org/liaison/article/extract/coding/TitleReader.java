package org.liaison.article.extract.coding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.Folded;
import org.liaison.article.extract.NameIndex;
import org.liaison.article.extract.NameWords;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.Sentence;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.text.AliasKey;

/** A participant's titles as the source gives them, and the locality those titles make them act for. */
final class TitleReader {

    /** ", Secretary of the ... Party Committee," up to the verb, a clause break or the end of the sentence. */
    private static final Pattern TITLE_AFTER = Pattern.compile("^\\s*(?:\\(\\w\\)\\s*)?,\\s*(.+?)(?=;|\\.\\s|\\n|, (?:said|says|met|held|received|paid|has|had|on |in |at |who|đã|cho biết|nói)|\\s(?:said|met|held|received|paid|had|has|chaired|hosted|đã|đến|và đồng chí|làm Trưởng|dẫn đầu|phát biểu|tham dự)\\b|$)");
    /** Where a title before a name begins: after one of these (the last one). */
    private static final List<String> TITLE_BREAKS = List.of(", ", "; ", " with ", " by ", " for ", " to ");
    private static final Pattern TRAILING_COMMA = Pattern.compile(",$");
    private static final Pattern LEADING_THE = Pattern.compile("^(the|The)\\s+");
    /** "of China's Guangxi": a country before a place only qualifies the place named before it. */
    private static final Pattern COUNTRY_QUALIFIER = Pattern.compile("(?s).*(of |)(china's|vietnam's|viet nam's|trung quoc|viet nam)\\s*$");
    /** "Bí thư Tỉnh ủy", "the provincial People's Committee", "Vice Mayor of the city": the article's own unit. */
    private static final Pattern OWN_UNIT = Pattern.compile("\\b(tinh uy|thanh uy|khu uy|ubnd tinh|hdnd tinh|ubnd thanh pho|provincial|the province|the city|municipal|city party committee)\\b");

    private final Gazetteer gazetteer;
    private final NameIndex<List<Locality>> placeNames;
    private final CueBook cues;
    private final NameWords words;

    TitleReader(Gazetteer gazetteer, NameIndex<List<Locality>> placeNames, CueBook cues, NameWords words) {
        this.gazetteer = gazetteer;
        this.placeNames = placeNames;
        this.cues = cues;
        this.words = words;
    }

    /** The title of a person as the source gives it: the words next to the name, up to the verb; null if none. */
    String titleOf(ArticleDoc doc, PersonMention p) {
        if (!p.title().isEmpty()) {
            return p.title(); // read by PersonNames beside the name, cut at the verb or clause that follows it
        }
        Folded f = doc.folded();
        String o = f.original;
        int s = f.start(p.start());
        int e = f.end(p.end());
        Matcher m = TITLE_AFTER.matcher(o.substring(e, Math.min(o.length(), e + 260)));
        if (m.find() && words.hasTitle(AliasKey.fold(m.group(1)))) {
            return TRAILING_COMMA.matcher(m.group(1).strip()).replaceAll("");
        }
        Sentence sentence = doc.sentence(p.sentence());
        String before = o.substring(Math.max(f.start(sentence.start()), s - 200), s);
        // the title starts after the last break: a comma, a semicolon, or "with", "by", "for", "to"
        int cut = -1;
        int skip = 0;
        for (String b : TITLE_BREAKS) {
            int at = before.lastIndexOf(b);
            if (at > cut) {
                cut = at;
                skip = b.length();
            }
        }
        String t = afterLastMeetingWord((cut >= 0 ? before.substring(cut + skip) : before).strip());
        if (!t.isEmpty() && words.hasTitle(AliasKey.fold(t)) && t.length() < 200) {
            return LEADING_THE.matcher(t).replaceAll("");
        }
        return null;
    }

    /** "Tổng Bí thư Tô Lâm tiếp Bộ trưởng Ngoại giao Trung Quốc": the title of the one received starts after the verb. */
    private String afterLastMeetingWord(String t) {
        Folded ft = new Folded(t);
        int last = -1;
        int from = 0;
        for (Matcher m = cues.find("meeting", ft.text); m != null; m = cues.find("meeting", ft.text.substring(from))) {
            last = from + m.end();
            from = last;
        }
        return last < 0 ? t : t.substring(ft.start(last)).strip();
    }

    /** The locality code a participant acts for: a place named in the title beside an authority, else the article's home unit. */
    String localityOf(ArticleDoc doc, PersonMention p, String titles) {
        if (titles == null) {
            return null;
        }
        String ft = AliasKey.fold(titles);
        if (cues.has("not_authority", ft) || !cues.has("authority", ft)) {
            return null;
        }
        Folded tf = new Folded(titles);
        Locality found = null;
        for (NameIndex.Hit<List<Locality>> hit : placeNames.hits(tf, 1, true)) {
            String before = tf.text.substring(Math.max(0, hit.start() - 18), hit.start());
            boolean qualifier = COUNTRY_QUALIFIER.matcher(before).matches() && found != null;
            Locality l = hit.value().stream().filter(x -> x.country().equals(p.side())).findFirst().orElse(null);
            if (l != null && !qualifier) {
                found = l;
            }
        }
        if (found != null) {
            return found.code();
        }
        if (OWN_UNIT.matcher(ft).find()) {
            boolean city = ft.contains("city") || ft.contains("mayor") || ft.contains("thanh pho") || ft.contains("thanh uy");
            return home(doc, p.side(), city);
        }
        return null;
    }

    /** Per article: the home unit of a side, with cities counted triple or not. */
    private record Home(TitleReader reader, String side, boolean city) {
    }

    /**
     * The unit of that side the article names most often (a city counts triple when the title speaks of a city); else the
     * title's. Counted once per article: every participant with such a title asks.
     */
    private String home(ArticleDoc doc, String side, boolean city) {
        return doc.remember(new Home(this, side, city), () -> countHome(doc, side, city));
    }

    private String countHome(ArticleDoc doc, String side, boolean city) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PlaceMention p : doc.places()) {
            if (p.locality().country().equals(side) && !p.dateline()) {
                int w = city && p.locality().level().equals("prefecture") ? 3 : 1;
                counts.merge(p.locality().code(), w, Integer::sum);
            }
        }
        String title = doc.input().title() == null ? "" : doc.input().title();
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseGet(() -> {
            Gazetteer.Lookup l = gazetteer.resolve(title, side);
            return l.found() ? l.locality().code() : null;
        });
    }

    /** Both units are named in one person's titles ("member of the Zhejiang provincial Party Committee and Secretary of the Hangzhou ..."). */
    boolean titlesName(String titles, String city, String province) {
        boolean hasCity = false;
        boolean hasProvince = false;
        for (NameIndex.Hit<List<Locality>> h : placeNames.hits(new Folded(titles), 1, false)) {
            for (Locality l : h.value()) {
                hasCity |= l.code().equals(city);
                hasProvince |= l.code().equals(province);
            }
        }
        return hasCity && hasProvince;
    }
}
