package org.liaison.gazetteer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/** A locality as the API shows it, with its place in the 2025 reorganisation. */
@RegisterForReflection
public record LocalityView(String code, String country, String level, String name, String nameEn, String parent,
        LocalDate validTo, String successor, List<String> absorbed, boolean current, List<String> aliases) {

    static LocalityView of(Locality l, Gazetteer g) {
        return new LocalityView(l.code(), l.country(), l.level(), l.name(), l.nameEn(), l.parent(), l.validTo(),
                l.successor(), g.absorbedInto(l.code()), l.successor() == null, l.aliases());
    }
}
