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
 * People and their aliases. The file {@code reference/people.tsv} seeds the database; people
 * first met in new records are added there too, so the database is where names are resolved.
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
    public static Uni<Long> ensure(SqlClient tx, String name, String side, Set<String> aliases) {
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
