package org.liaison.exchange;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liaison.text.AliasKey;
import org.liaison.reference.TsvFile;

/** Organisations participants represent, from {@code reference/organisations.tsv}; resolved by code or name. */
@Singleton
public class Organisations {

    public static final String FILE = "reference/organisations.tsv";

    public record Organisation(String code, String side, String name) {
    }

    private final Map<String, Organisation> byCode = new LinkedHashMap<>();
    private final Map<String, String> byName = new LinkedHashMap<>();

    public Organisations() {
        for (TsvFile.Row row : TsvFile.read(FILE, 3, 3)) {
            String code = row.cell(0);
            if (!code.matches("[A-Z0-9][A-Z0-9-]*")) {
                throw row.error("organisation code '" + code + "' must be upper-case words joined by '-'");
            }
            if (!Codebook.SIDES.contains(row.cell(1))) {
                throw row.error("side must be VN or CN");
            }
            if (byCode.put(code, new Organisation(code, row.cell(1), row.cell(2))) != null) {
                throw row.error("duplicate organisation " + code);
            }
            byName.put(AliasKey.of(row.cell(2)), code);
        }
    }

    public String resolve(String value) {
        String v = value.strip();
        if (byCode.containsKey(v.toUpperCase(Locale.ROOT))) {
            return v.toUpperCase(Locale.ROOT);
        }
        return byName.get(AliasKey.of(v));
    }

    public Uni<Void> upsert(Pool pool) {
        List<Tuple> rows = new ArrayList<>();
        byCode.values().forEach(o -> rows.add(Tuple.of(o.code(), o.side(), o.name())));
        return pool.preparedQuery("""
                insert into organisation (code, side, name) values ($1, $2, $3)
                on conflict (code) do update set side = excluded.side, name = excluded.name""")
                .executeBatch(rows).replaceWithVoid();
    }
}
