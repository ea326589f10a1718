package org.liaison.people;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.liaison.text.AliasKey;

@ApplicationScoped
@WithSession
public class PersonRepository implements PanacheRepository<Person> {

    /** People any of whose names contains q (diacritics and case ignored), at most {@code limit}. */
    public Uni<List<Person>> search(String q, String side, int limit) {
        String key = "%" + AliasKey.of(q == null ? "" : q) + "%";
        String query = "select distinct p from Person p join p.aliases a where a.aliasKey like ?1"
                + (side == null ? "" : " and p.side = ?2") + " order by p.name";
        return (side == null ? find(query, key) : find(query, key, side)).page(0, limit).list();
    }
}
