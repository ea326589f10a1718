package org.liaison.gazetteer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.liaison.text.AliasKey;
import org.liaison.reference.TsvFile;

/**
 * The gazetteer: every locality and all its names, loaded from {@code reference/localities.tsv}
 * and validated at start. This is where locality names and aliases are resolved to codes.
 */
@Singleton
public class Gazetteer {

    public static final String FILE = "reference/localities.tsv";
    /** Names that are no locality on their own ("Hồ Chí Minh": the person, or the Academy). */
    public static final String NOT_PLACE_NAMES = "reference/not-place-names.tsv";
    /** The day the 2025 Vietnamese reorganisation took effect. */
    public static final LocalDate REORGANISATION_2025 = LocalDate.of(2025, 7, 1);

    /** The outcome of resolving a name: exactly one unit, several (ambiguous), or none. */
    public record Lookup(List<Locality> candidates) {
        public boolean found() {
            return candidates.size() == 1;
        }

        public Locality locality() {
            return candidates.get(0);
        }
    }

    /** The levels of the file's rows: units that records are coded at, and the county-level units they hold. */
    private static final List<String> UNIT_LEVELS = List.of("province", "prefecture");
    private static final List<String> COUNTY_LEVELS = List.of("county", "district");
    /**
     * The unit word after it that lets a county-level name stand in running text ("Luchun County", "Mong Cai
     * City", "Muong Te District", "District 1"): bare, such names are too often common words or people's names
     * ("Bình Liêu", "Hải Hà"). The Vietnamese forms with the unit word first ("huyện Mường Tè", "TP Móng Cái")
     * only resolve in lookups: in an article they would move the start of the place onto the unit word, which
     * the extractor reads as the context before the place.
     */
    private static final Pattern COUNTY_WORD = Pattern.compile(
            " (county|district|city|town|banner)$|^district \\d+$");

    private static final Pattern CODE = Pattern.compile("(VN|CN)-[A-Z0-9]+");

    /** A unit a name means, and how strongly: 0 a province-level unit's name, 1 a prefecture's, 2 a county's. */
    private record Hit(Locality locality, int rank) {
    }

    /**
     * What a gazetteer file becomes once parsed and checked. {@code lookupNames}: every name each unit
     * resolves by, its counties' bare names among them (for the database).
     */
    private record Tables(Map<String, Locality> byCode, Map<String, List<Hit>> byKey, Map<String, Set<String>> lookupNames,
            Map<String, List<String>> absorbed, Set<String> notPlaceNames) {
    }

    /**
     * The tables of {@link #FILE}, parsed once per process. The native image builds them when the
     * image is built ({@code --initialize-at-build-time} in application.properties): the start
     * parses nothing, and a bad file fails the build as it fails a JVM start.
     */
    private static final class Standard {
        static final Tables TABLES = load(FILE);
    }

    private final Map<String, Locality> byCode;
    private final Map<String, List<Hit>> byKey;
    private final Map<String, Set<String>> lookupNames;
    private final Map<String, List<String>> absorbed;
    private final Set<String> notPlaceNames;

    public Gazetteer() {
        this(Standard.TABLES);
    }

    Gazetteer(String resource) {
        this(load(resource));
    }

    private Gazetteer(Tables t) {
        this.byCode = t.byCode();
        this.byKey = t.byKey();
        this.lookupNames = t.lookupNames();
        this.absorbed = t.absorbed();
        this.notPlaceNames = t.notPlaceNames();
    }

    private static Tables load(String resource) {
        Set<String> notPlaces = new HashSet<>();
        for (TsvFile.Row row : TsvFile.read(NOT_PLACE_NAMES, 2, 2)) {
            if (row.cell(0).isEmpty() || row.cell(1).isEmpty()) {
                throw row.error("a name and the reason it is not a place are required");
            }
            notPlaces.add(AliasKey.of(row.cell(0)));
        }
        Map<String, Set<String>> lookupNames = new HashMap<>();
        List<TsvFile.Row> rows = TsvFile.read(resource, 9, 9);
        // first pass: the cells of every row; the units, and the county-level rows of each unit
        Map<String, TsvFile.Row> unitRows = new LinkedHashMap<>();
        Map<String, List<TsvFile.Row>> countyRows = new HashMap<>();
        Set<String> allCodes = new HashSet<>();
        for (TsvFile.Row row : rows) {
            String code = row.cell(0);
            String country = row.cell(1);
            if (!CODE.matcher(code).matches() || !code.startsWith(country + "-")) {
                throw row.error("code '" + code + "' must be VN-.. or CN-.. and match the country '" + country + "'");
            }
            String level = row.cell(2);
            if (!UNIT_LEVELS.contains(level) && !COUNTY_LEVELS.contains(level)) {
                throw row.error("level must be 'province', 'prefecture', 'county' or 'district', not '" + level + "'");
            }
            if (row.cell(3).isEmpty() || row.cell(4).isEmpty()) {
                throw row.error("name and name_en are required");
            }
            if (!allCodes.add(code)) {
                throw row.error("duplicate code " + code);
            }
            if (COUNTY_LEVELS.contains(level)) {
                if (row.cell(5).isEmpty() || !row.cell(6).isEmpty() || !row.cell(7).isEmpty()) {
                    throw row.error("a " + level + " needs its parent unit and has no valid_to or successor");
                }
                countyRows.computeIfAbsent(row.cell(5), k -> new ArrayList<>()).add(row);
            } else {
                unitRows.put(code, row);
            }
        }
        Map<String, Locality> codes = new LinkedHashMap<>();
        for (TsvFile.Row row : unitRows.values()) {
            LocalDate validTo = null;
            if (!row.cell(6).isEmpty()) {
                try {
                    validTo = LocalDate.parse(row.cell(6));
                } catch (DateTimeParseException e) {
                    throw row.error("valid_to '" + row.cell(6) + "' is not a YYYY-MM-DD date");
                }
            }
            String successor = row.cell(7).isEmpty() ? null : row.cell(7);
            if ((validTo == null) != (successor == null)) {
                throw row.error("valid_to and successor go together");
            }
            List<String> inText = new ArrayList<>();
            for (TsvFile.Row county : countyRows.getOrDefault(row.cell(0), List.of())) {
                for (String name : rowNames(county)) {
                    String folded = AliasKey.fold(name);
                    if (COUNTY_WORD.matcher(folded).find() && !inText.contains(name)) {
                        inText.add(name);
                    }
                }
            }
            codes.put(row.cell(0), new Locality(row.cell(0), row.cell(1), row.cell(2), row.cell(3), row.cell(4),
                    row.cell(5).isEmpty() ? null : row.cell(5), validTo, successor, TsvFile.list(row.cell(8)),
                    List.copyOf(inText)));
        }
        for (Map.Entry<String, List<TsvFile.Row>> e : countyRows.entrySet()) {
            Locality unit = codes.get(e.getKey());
            TsvFile.Row first = e.getValue().get(0);
            if (unit == null) {
                throw first.error(allCodes.contains(e.getKey()) ? "parent " + e.getKey() + " must be a province or prefecture"
                        : "refers to unknown locality " + e.getKey());
            }
            if (!unit.country().equals(first.cell(1))) {
                throw first.error("parent " + unit.code() + " is in another country");
            }
        }
        Map<String, List<Hit>> keys = new HashMap<>();
        Map<String, List<String>> merged = new HashMap<>();
        for (TsvFile.Row row : unitRows.values()) {
            Locality l = codes.get(row.cell(0));
            for (String ref : new String[] { l.parent(), l.successor() }) {
                if (ref != null && !codes.containsKey(ref)) {
                    throw row.error("refers to unknown locality " + ref);
                }
            }
            if (l.successor() != null) {
                Locality s = codes.get(l.successor());
                if (s.successor() != null || !s.country().equals(l.country())) {
                    throw row.error("successor " + s.code() + " must be a current unit of the same country");
                }
                merged.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(l.code());
            }
            int rank = l.level().equals("province") ? 0 : 1;
            for (String name : rowNames(row)) {
                index(keys, lookupNames, row, name, l, rank);
            }
        }
        // county-level names last: a unit's own name of the same key keeps its rank
        for (TsvFile.Row row : rows) {
            if (COUNTY_LEVELS.contains(row.cell(2))) {
                Locality l = codes.get(row.cell(5));
                for (String name : rowNames(row)) {
                    index(keys, lookupNames, row, name, l, 2);
                }
            }
        }
        return new Tables(Collections.unmodifiableMap(codes), keys, lookupNames, merged, Set.copyOf(notPlaces));
    }

    private static List<String> rowNames(TsvFile.Row row) {
        List<String> names = new ArrayList<>(List.of(row.cell(3), row.cell(4)));
        names.addAll(TsvFile.list(row.cell(8)));
        return names;
    }

    /**
     * Files a name under its key. Two province-level units of one country may not share a name (those
     * rows are written by hand, and such a name is a slip); prefecture- and county-level names come from
     * the GB/T 2260 and GSO lists, where homonyms are real (Yulin, Guangxi and Shaanxi): they stay
     * ambiguous, and a lookup returns every unit of the best rank.
     */
    private static void index(Map<String, List<Hit>> keys, Map<String, Set<String>> lookupNames, TsvFile.Row row, String name,
            Locality l, int rank) {
        lookupNames.computeIfAbsent(l.code(), k -> new LinkedHashSet<>()).add(name);
        String key = AliasKey.place(name);
        List<Hit> list = keys.computeIfAbsent(key, k -> new ArrayList<>());
        for (Hit other : list) {
            if (other.locality() == l) {
                return; // already known by this name, at a rank as good
            }
            if (rank == 0 && other.rank() == 0 && other.locality().country().equals(l.country())) {
                throw row.error("name '" + name + "' already belongs to " + other.locality().code());
            }
        }
        list.add(new Hit(l, rank));
    }

    /** False for a name that is no locality on its own, whatever unit word it lacks ({@link #NOT_PLACE_NAMES}). */
    public boolean isPlaceName(String value) {
        return !notPlaceNames.contains(AliasKey.of(value));
    }

    /**
     * The names that stand for the unit in running text: canonical name, English name, every alias, and
     * the names of its counties and districts followed by their unit word ("Luchun County", "Muong Te District").
     * A county's bare name ("Luchun") resolves in {@link #resolve} but is not among these, nor is a
     * Chinese prefecture's pinyin of three letters or fewer ("Ali", "Aba": words and people's names in
     * English; "Ali Prefecture", "Ngari" are).
     */
    public static Set<String> names(Locality l) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : List.of(l.name(), l.nameEn())) {
            if (!(l.level().equals("prefecture") && AliasKey.of(n).length() <= 3)) {
                names.add(n);
            }
        }
        names.addAll(l.aliases());
        names.addAll(l.countyNames());
        return names;
    }

    public List<Locality> all() {
        return List.copyOf(byCode.values());
    }

    public Locality byCode(String code) {
        return code == null ? null : byCode.get(code.toUpperCase(Locale.ROOT));
    }

    public List<String> absorbedInto(String code) {
        return absorbed.getOrDefault(code, List.of());
    }

    /**
     * Resolves a code or any name of a locality. {@code country} (VN/CN, may be null) settles
     * names that both countries use, such as "Hà Nam" (Việt Nam's province, and Henan in Vietnamese).
     */
    public Lookup resolve(String value, String country) {
        if (value == null || value.isBlank()) {
            return new Lookup(List.of());
        }
        Locality exact = byCode(value.strip());
        if (exact != null) {
            return new Lookup(List.of(exact));
        }
        if (!isPlaceName(value)) {
            return new Lookup(List.of());
        }
        List<Hit> hits = byKey.getOrDefault(AliasKey.place(value), List.of());
        if (country != null) {
            hits = hits.stream().filter(h -> h.locality().country().equalsIgnoreCase(country)).toList();
        }
        // a province's name before a prefecture's, a prefecture's before a county's ("Hainan" is the
        // province, not Qinghai's Hainan Prefecture); units of the same rank are all returned
        int best = hits.stream().mapToInt(Hit::rank).min().orElse(0);
        return new Lookup(hits.stream().filter(h -> h.rank() == best).map(Hit::locality).toList());
    }

    /** Alias search: exact name matches first, then units with a name containing the query. */
    public List<Locality> search(String q, String country, LocalDate asOf) {
        List<Locality> out = new ArrayList<>();
        String key = q == null ? "" : AliasKey.place(q);
        if (!key.isEmpty()) {
            Lookup exact = resolve(q, country);
            out.addAll(exact.candidates());
        }
        for (Locality l : byCode.values()) {
            if (country != null && !l.country().equalsIgnoreCase(country)) {
                continue;
            }
            if (asOf != null && !l.validOn(asOf)) {
                continue;
            }
            if (out.contains(l)) {
                continue;
            }
            if (key.isEmpty() || names(l).stream().anyMatch(n -> AliasKey.place(n).contains(key))
                    || l.code().equalsIgnoreCase(q.strip())) {
                out.add(l);
            }
        }
        if (asOf != null) {
            out.removeIf(l -> !l.validOn(asOf));
        }
        return out;
    }

    /**
     * Writes the gazetteer into the database (idempotent), so that SQL can join on codes and successors.
     * Its few hundred units go in a batch; its names (some twenty thousand, with those of the counties)
     * in one statement over arrays.
     */
    public Uni<Void> upsert(Pool pool) {
        return pool.withTransaction(tx -> {
            List<Tuple> units = new ArrayList<>();
            List<Tuple> links = new ArrayList<>();
            List<String> aliasCodes = new ArrayList<>();
            List<String> aliasNames = new ArrayList<>();
            List<String> aliasKeys = new ArrayList<>();
            for (Locality l : byCode.values()) {
                units.add(Tuple.of(l.code(), l.country(), l.level(), l.name(), l.nameEn()).addValue(l.validTo()));
                links.add(Tuple.of(l.code(), l.parent(), l.successor()));
                Set<String> keys = new HashSet<>();
                for (String n : lookupNames.getOrDefault(l.code(), Set.of())) {
                    String key = AliasKey.place(n);
                    if (keys.add(key)) {
                        aliasCodes.add(l.code());
                        aliasNames.add(n);
                        aliasKeys.add(key);
                    }
                }
            }
            return batch(tx, """
                    insert into locality (code, country, level, name, name_en, valid_to) values ($1, $2, $3, $4, $5, $6)
                    on conflict (code) do update set country = excluded.country, level = excluded.level,
                        name = excluded.name, name_en = excluded.name_en, valid_to = excluded.valid_to
                    """, units)
                    .chain(() -> batch(tx, "update locality set parent_code = $2, successor_code = $3 where code = $1", links))
                    .chain(() -> tx.query("delete from locality_alias").execute())
                    .chain(() -> tx.preparedQuery("""
                            insert into locality_alias (locality_code, alias, alias_key)
                            select * from unnest($1::text[], $2::text[], $3::text[])
                            on conflict do nothing""")
                            .execute(Tuple.of(aliasCodes.toArray(new String[0]), aliasNames.toArray(new String[0]),
                                    aliasKeys.toArray(new String[0]))))
                    .replaceWithVoid();
        });
    }

    static Uni<?> batch(SqlClient client, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : client.preparedQuery(sql).executeBatch(rows);
    }
}
