package org.liaison.exchange;

import java.util.ArrayList;
import java.util.List;
import org.liaison.text.AliasKey;

/**
 * The WHERE clause of a filtered exchange query (list and export). Values are always bound
 * parameters, never spliced into the SQL text.
 */
final class ExchangeSql {

    record Where(String sql, List<Object> args) {
    }

    private ExchangeSql() {
    }

    static Where where(ExchangeFilter f) {
        List<String> c = new ArrayList<>();
        List<Object> a = new ArrayList<>();
        if (f.from() != null) {
            a.add(f.from());
            c.add("coalesce(e.end_date, e.date) >= $" + a.size());
        }
        if (f.to() != null) {
            a.add(f.to());
            c.add("e.date <= $" + a.size());
        }
        if (!f.themes().isEmpty()) {
            a.add(f.themes().toArray(String[]::new));
            c.add("exists (select 1 from exchange_theme t where t.exchange_id = e.id and t.theme_code = any($" + a.size() + "))");
        }
        if (f.domain() != null) {
            a.add(f.domain());
            c.add("exists (select 1 from exchange_theme t join theme th on th.code = t.theme_code "
                    + "where t.exchange_id = e.id and th.domain = $" + a.size() + ")");
        }
        if (!f.localities().isEmpty()) {
            a.add(f.localities().toArray(String[]::new));
            String roleClause = "";
            if (f.role() != null) {
                a.add(f.role());
                roleClause = " and l.role = $" + a.size();
            }
            c.add("exists (select 1 from exchange_locality l where l.exchange_id = e.id and l.locality_code = any($"
                    + (f.role() != null ? a.size() - 1 : a.size()) + ")" + roleClause + ")");
        }
        if (f.country() != null) {
            a.add(f.country());
            c.add("exists (select 1 from locality v where v.code = e.venue_code and v.country = $" + a.size() + ")");
        }
        if (f.level() != null) {
            a.add(f.level());
            c.add("e.level = $" + a.size());
        }
        if (f.format() != null) {
            a.add(f.format());
            c.add("e.format = $" + a.size());
        }
        if (f.kind() != null) {
            a.add(f.kind());
            c.add("e.kind = $" + a.size());
        }
        if (f.person() != null) {
            a.add(AliasKey.of(f.person()));
            c.add("exists (select 1 from participant p join person_alias pa on pa.person_id = p.person_id "
                    + "where p.exchange_id = e.id and pa.alias_key = $" + a.size() + ")");
        }
        if (!f.statuses().isEmpty()) {
            a.add(f.statuses().toArray(String[]::new));
            c.add("e.status = any($" + a.size() + ")");
        }
        if (f.q() != null) {
            a.add("%" + f.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int text = a.size();
            a.add("%" + AliasKey.of(f.q()) + "%");
            int name = a.size();
            c.add("(lower(coalesce(e.notes, '')) like $" + text
                    + " or exists (select 1 from participant p where p.exchange_id = e.id and lower(coalesce(p.titles, '')) like $" + text + ")"
                    + " or exists (select 1 from participant p join person_alias pa on pa.person_id = p.person_id"
                    + " where p.exchange_id = e.id and pa.alias_key like $" + name + ")"
                    + " or exists (select 1 from exchange_source es join source s on s.id = es.source_id"
                    + " where es.exchange_id = e.id and lower(coalesce(s.title, '')) like $" + text + "))");
        }
        return new Where(c.isEmpty() ? "" : " where " + String.join(" and ", c), a);
    }

    static final List<String> SORTS = List.of("date", "-date", "created", "-created", "updated", "-updated");

    static String orderBy(String sort) {
        return switch (sort) {
            case "date" -> "e.date, e.id";
            case "created" -> "e.created_at, e.id";
            case "-created" -> "e.created_at desc, e.id desc";
            case "updated" -> "e.updated_at, e.id";
            case "-updated" -> "e.updated_at desc, e.id desc";
            default -> "e.date desc, e.id desc";
        };
    }
}
