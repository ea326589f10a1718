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

    private final Map<String, Locality> byCode;
    private final Map<String, List<Locality>> byKey;
    private final Map<String, List<String>> absorbed;
    private final Set<String> notPlaceNames;

    public Gazetteer() {
        this(FILE);
    }

    Gazetteer(String resource) {
        Set<String> notPlaces = new HashSet<>();
        for (TsvFile.Row row : TsvFile.read(NOT_PLACE_NAMES, 2, 2)) {
            if (row.cell(0).isEmpty() || row.cell(1).isEmpty()) {
                throw row.error("a name and the reason it is not a place are required");
            }
            notPlaces.add(AliasKey.of(row.cell(0)));
        }
        this.notPlaceNames = Set.copyOf(notPlaces);
        Map<String, Locality> codes = new LinkedHashMap<>();
        List<TsvFile.Row> rows = TsvFile.read(resource, 9, 9);
        for (TsvFile.Row row : rows) {
            String code = row.cell(0);
            String country = row.cell(1);
            if (!code.matches("(VN|CN)-[A-Z0-9]+") || !code.startsWith(country + "-")) {
                throw row.error("code '" + code + "' must be VN-.. or CN-.. and match the country '" + country + "'");
            }
            String level = row.cell(2);
            if (!level.equals("province") && !level.equals("prefecture")) {
                throw row.error("level must be 'province' or 'prefecture', not '" + level + "'");
            }
            if (row.cell(3).isEmpty() || row.cell(4).isEmpty()) {
                throw row.error("name and name_en are required");
            }
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
            Locality l = new Locality(code, country, level, row.cell(3), row.cell(4),
                    row.cell(5).isEmpty() ? null : row.cell(5), validTo, successor, TsvFile.list(row.cell(8)));
            if (codes.put(code, l) != null) {
                throw row.error("duplicate code " + code);
            }
        }
        Map<String, List<Locality>> keys = new HashMap<>();
        Map<String, List<String>> merged = new HashMap<>();
        for (TsvFile.Row row : rows) {
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
            for (String name : names(l)) {
                String key = AliasKey.place(name);
                List<Locality> list = keys.computeIfAbsent(key, k -> new ArrayList<>());
                for (Locality other : list) {
                    if (other != l && other.country().equals(l.country())) {
                        throw row.error("name '" + name + "' already belongs to " + other.code());
                    }
                }
                if (!list.contains(l)) {
                    list.add(l);
                }
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.byKey = keys;
        this.absorbed = merged;
    }

    /** False for a name that is no locality on its own, whatever unit word it lacks ({@link #NOT_PLACE_NAMES}). */
    public boolean isPlaceName(String value) {
        return !notPlaceNames.contains(AliasKey.of(value));
    }

    /** Canonical name, English name and every alias. */
    public static Set<String> names(Locality l) {
        Set<String> names = new LinkedHashSet<>();
        names.add(l.name());
        names.add(l.nameEn());
        names.addAll(l.aliases());
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
        List<Locality> hits = byKey.getOrDefault(AliasKey.place(value), List.of());
        if (country != null) {
            hits = hits.stream().filter(l -> l.country().equalsIgnoreCase(country)).toList();
        }
        return new Lookup(hits);
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

    /** Writes the gazetteer into the database (idempotent), so that SQL can join on codes and successors. */
    public Uni<Void> upsert(Pool pool) {
        return pool.withTransaction(tx -> {
            List<Tuple> units = new ArrayList<>();
            List<Tuple> links = new ArrayList<>();
            List<Tuple> aliases = new ArrayList<>();
            for (Locality l : byCode.values()) {
                units.add(Tuple.of(l.code(), l.country(), l.level(), l.name(), l.nameEn()).addValue(l.validTo()));
                links.add(Tuple.of(l.code(), l.parent(), l.successor()));
                for (String n : names(l)) {
                    aliases.add(Tuple.of(l.code(), n, AliasKey.place(n)));
                }
            }
            return batch(tx, """
                    insert into locality (code, country, level, name, name_en, valid_to) values ($1, $2, $3, $4, $5, $6)
                    on conflict (code) do update set country = excluded.country, level = excluded.level,
                        name = excluded.name, name_en = excluded.name_en, valid_to = excluded.valid_to
                    """, units)
                    .chain(() -> batch(tx, "update locality set parent_code = $2, successor_code = $3 where code = $1", links))
                    .chain(() -> tx.query("delete from locality_alias").execute())
                    .chain(() -> batch(tx, """
                            insert into locality_alias (locality_code, alias, alias_key) values ($1, $2, $3)
                            on conflict do nothing""", aliases))
                    .replaceWithVoid();
        });
    }

    static Uni<?> batch(SqlClient client, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : client.preparedQuery(sql).executeBatch(rows);
    }
}
