package org.liaison.gazetteer;

/** How a locality appears inside other records: its code and display names. */
public record LocalityRef(String code, String name, String country) {
    public static LocalityRef of(Locality l) {
        return l == null ? null : new LocalityRef(l.code(), l.name(), l.country());
    }
}
