package org.liaison.theme;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liaison.reference.TsvFile;

/** The theme vocabulary, loaded from {@code reference/themes.tsv} and validated at start. */
@Singleton
public class ThemeVocabulary {

    public static final String FILE = "reference/themes.tsv";
    public static final Set<String> DOMAINS = Set.of("politics", "economy", "technology", "environment", "society", "security");

    private final Map<String, Theme> byCode = new LinkedHashMap<>();

    public ThemeVocabulary() {
        for (TsvFile.Row row : TsvFile.read(FILE, 3, 3)) {
            String code = row.cell(0);
            if (!code.matches("[a-z][a-z0-9-]*")) {
                throw row.error("theme code '" + code + "' must be lower-case words joined by '-'");
            }
            if (!DOMAINS.contains(row.cell(1))) {
                throw row.error("domain '" + row.cell(1) + "' is not one of " + DOMAINS);
            }
            if (byCode.put(code, new Theme(code, row.cell(1), row.cell(2))) != null) {
                throw row.error("duplicate theme " + code);
            }
        }
    }

    public List<Theme> all() {
        return List.copyOf(byCode.values());
    }

    public Theme byCode(String code) {
        return code == null ? null : byCode.get(code.strip());
    }

    public Uni<Void> upsert(Pool pool) {
        List<Tuple> rows = new ArrayList<>();
        byCode.values().forEach(t -> rows.add(Tuple.of(t.code(), t.domain(), t.label())));
        return pool.preparedQuery("""
                insert into theme (code, domain, label) values ($1, $2, $3)
                on conflict (code) do update set domain = excluded.domain, label = excluded.label""")
                .executeBatch(rows).replaceWithVoid();
    }
}
