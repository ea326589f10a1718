package org.liaison.gazetteer;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit of the gazetteer: a Vietnamese province-level unit or a Chinese province-level or
 * prefecture-level division (codebook section 2). {@code validTo}/{@code successor} record the
 * 2025 Vietnamese mergers: the unit stays addressable as the sources name it. {@code countyNames}:
 * the names, with their unit word, of the counties and districts it holds, which count for it
 * ("Dongxing City", "huyện Mường Tè").
 */
public record Locality(String code, String country, String level, String name, String nameEn, String parent,
        LocalDate validTo, String successor, List<String> aliases, List<String> countyNames) {

    public boolean validOn(LocalDate day) {
        return validTo == null || !day.isAfter(validTo);
    }

    /** The unit that holds this one's territory today (itself when it was not merged away). */
    public String currentCode() {
        return successor == null ? code : successor;
    }
}
