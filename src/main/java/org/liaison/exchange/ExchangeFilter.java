package org.liaison.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * Which exchanges a list, an export or an aggregate covers. Every value is already validated and
 * resolved (locality names to codes). {@code statuses} empty means every status.
 */
public record ExchangeFilter(
        LocalDate from,
        LocalDate to,
        List<String> themes,
        String domain,
        List<String> localities,
        String role,
        String country,
        String level,
        String format,
        String kind,
        String person,
        List<String> statuses,
        String q) {

    public static ExchangeFilter none() {
        return new ExchangeFilter(null, null, List.of(), null, List.of(), null, null, null, null, null, null, List.of(), null);
    }
}
