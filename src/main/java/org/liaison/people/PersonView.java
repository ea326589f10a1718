package org.liaison.people;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

@RegisterForReflection
public record PersonView(long id, String name, String side, List<String> aliases) {
    static PersonView of(Person p) {
        return new PersonView(p.id, p.name, p.side.strip(),
                p.aliases.stream().map(a -> a.alias).filter(a -> !a.equals(p.name)).distinct().sorted().toList());
    }
}
