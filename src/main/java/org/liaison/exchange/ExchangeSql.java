package org.liaison.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FROM clause of a filtered exchange query (list and export): the exchanges joined to
 * {@code filtered_exchanges()}, the SQL function every aggregate filters with too, so a filter
 * means the same records everywhere. Values are always bound parameters.
 */
final class ExchangeSql {

    record From(String sql, List<Object> args) {
    }

    static final List<String> SORTS = List.of("date", "-date", "created", "-created", "updated", "-updated");

    private ExchangeSql() {
    }

    static From from(ExchangeFilter f) {
        Map<String, String> p = f.sqlParameters();
        List<Object> args = new ArrayList<>(p.values());
        StringBuilder call = new StringBuilder();
        for (int i = 1; i <= args.size(); i++) {
            call.append(i == 1 ? "" : ", ").append('$').append(i);
        }
        return new From(" from exchange e join filtered_exchanges(" + call + ") f on f.id = e.id", args);
    }

    /** A sort: the column, and its direction; the id breaks ties (and keys export pages). */
    record Sort(String column, boolean descending) {
        String orderBy() {
            String dir = descending ? " desc" : "";
            return column + dir + ", e.id" + dir;
        }

        /** Rows after a page's last one, for keyset pages: ($a, $b) are its sort value and id. */
        String after(int a, int b) {
            return "(" + column + ", e.id) " + (descending ? "<" : ">") + " ($" + a + ", $" + b + ")";
        }
    }

    static Sort sort(String sort) {
        boolean desc = sort.startsWith("-");
        String column = switch (desc ? sort.substring(1) : sort) {
            case "date" -> "e.date";
            case "created" -> "e.created_at";
            case "updated" -> "e.updated_at";
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
        return new Sort(column, desc);
    }

    static String orderBy(String sort) {
        return sort(sort).orderBy();
    }
}
