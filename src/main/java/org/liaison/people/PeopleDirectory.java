package org.liaison.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liaison.text.AliasKey;
import org.liaison.reference.TsvFile;

/**
 * People and their aliases: the one way the service reaches the person tables when it writes.
 * The file {@code reference/people.tsv} seeds the database; people first met in new records
 * are added there too, inside the writing transaction, so the database is where names are
 * resolved. (The API's read-only search and lookup by id map the same tables with Panache,
 * {@link PersonRepository}.)
 */
@Singleton
public class PeopleDirectory {

    public static final String FILE = "reference/people.tsv";

    public record Seed(String name, String side, Set<String> aliases) {
    }

    private final List<Seed> seeds = new ArrayList<>();

    public PeopleDirectory() {
        Map<String, String> keyOwner = new HashMap<>();
        for (TsvFile.Row row : TsvFile.read(FILE, 2, 3)) {
            String name = row.cell(0);
            String side = row.cell(1);
            if (name.isEmpty()) {
                throw row.error("name is required");
            }
            if (!side.equals("VN") && !side.equals("CN")) {
                throw row.error("side must be VN or CN, not '" + side + "'");
            }
            Set<String> aliases = new LinkedHashSet<>();
            aliases.add(name);
            aliases.addAll(TsvFile.list(row.cell(2)));
            for (String a : aliases) {
                String owner = keyOwner.putIfAbsent(side + AliasKey.of(a), name);
                if (owner != null && !owner.equals(name)) {
                    throw row.error("alias '" + a + "' already belongs to " + owner);
                }
            }
            seeds.add(new Seed(name, side, aliases));
        }
    }

    public List<Seed> seeds() {
        return seeds;
    }

    /** A participant as written: a name (any alias) on one side. */
    public record Name(String name, String side) {
        String key() {
            return side + ":" + AliasKey.of(name);
        }
    }

    /**
     * The person id of each name, in order: known people by any alias and side, the others
     * created under the name given (the codebook: people not yet known are added). In the
     * caller's transaction.
     */
    public Uni<List<Long>> resolve(SqlClient c, List<Name> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] keys = names.stream().map(n -> AliasKey.of(n.name())).toArray(String[]::new);
        return c.preparedQuery("""
                select a.alias_key, p.side, min(p.id) as id
                from person_alias a join person p on p.id = a.person_id
                where a.alias_key = any($1) group by a.alias_key, p.side""")
                .execute(Tuple.of(keys))
                .chain(rows -> {
                    Map<String, Long> known = new HashMap<>();
                    rows.forEach(r -> known.put(r.getString("side").strip() + ":" + r.getString("alias_key"), r.getLong("id")));
                    // only the people not known yet are created, one after the other (a chain
                    // step per participant would nest 400,000 deep on a large import), in name
                    // order: two writers creating the same new people wait for each other, never in a cycle
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Name n : names.stream().sorted(java.util.Comparator.comparing(Name::name)).toList()) {
                        String k = n.key();
                        if (!known.containsKey(k)) {
                            known.put(k, null);
                            chain = chain.chain(() -> ensure(c, n.name(), n.side(), Set.of(n.name()))
                                    .invoke(id -> known.put(k, id)).replaceWithVoid());
                        }
                    }
                    return chain.map(x -> names.stream().map(n -> known.get(n.key())).toList());
                });
    }

    /** The canonical names of these people. */
    public Uni<Map<Long, String>> names(SqlClient c, List<Long> ids) {
        return c.preparedQuery("select id, name from person where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, String> names = new HashMap<>();
                    rows.forEach(r -> names.put(r.getLong("id"), r.getString("name")));
                    return names;
                });
    }

    public Uni<Void> upsert(Pool pool) {
        return pool.withTransaction(tx -> {
            Uni<?> chain = Uni.createFrom().voidItem();
            for (Seed s : seeds) {
                chain = chain.chain(() -> ensure(tx, s.name(), s.side(), s.aliases()));
            }
            return chain.replaceWithVoid();
        });
    }

    /** Finds or creates the person with this canonical name and records the aliases; returns the id. */
    private static Uni<Long> ensure(SqlClient tx, String name, String side, Set<String> aliases) {
        return tx.preparedQuery("""
                insert into person (name, side) values ($1, $2)
                on conflict (name) do update set side = person.side
                returning id""")
                .execute(Tuple.of(name, side))
                .map(rows -> rows.iterator().next().getLong(0))
                .call(id -> {
                    List<Tuple> rows = new ArrayList<>();
                    Set<String> all = new LinkedHashSet<>(aliases);
                    all.add(name);
                    all.forEach(a -> rows.add(Tuple.of(id, a, AliasKey.of(a))));
                    return tx.preparedQuery("""
                            insert into person_alias (person_id, alias, alias_key) values ($1, $2, $3)
                            on conflict do nothing""").executeBatch(rows);
                });
    }
}
