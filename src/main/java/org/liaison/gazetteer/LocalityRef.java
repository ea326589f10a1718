package org.liaison.gazetteer;

import io.quarkus.runtime.annotations.RegisterForReflection;
/** How a locality appears inside other records: its code and display names. */
@RegisterForReflection
public record LocalityRef(String code, String name, String country) {
    public static LocalityRef of(Locality l) {
        return l == null ? null : new LocalityRef(l.code(), l.name(), l.country());
    }
}
