package org.liaison;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.liaison.exchange.Organisations;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.exchange.bulk.DemoData;
import org.liaison.article.extract.ArticleExtractor;
import org.liaison.people.PeopleDirectory;
import org.liaison.reference.TsvFile;
import org.liaison.schema.SchemaVersionCheck;
import org.liaison.theme.ThemeVocabulary;

/**
 * Brings the database in line with the reference files, then loads the demo data where
 * configured. Runs after Flyway's migration (where the start migrates) and the check that the
 * database has this build's schema; a failure stops startup with its message. A file
 * whose checksum matches the one recorded at its last load is not written again, so a restart
 * with unchanged files costs one query.
 */
@Singleton
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    private final Pool pool;
    private final ThemeVocabulary themes;
    private final Gazetteer gazetteer;
    private final Organisations organisations;
    private final PeopleDirectory people;
    private final DemoData demo;
    private final LiaisonConfig config;
    private final SchemaVersionCheck schema;

    /** The extractor is injected so that its data files are read and checked at start, not at the first article. */
    public Startup(Pool pool, ThemeVocabulary themes, Gazetteer gazetteer, Organisations organisations, PeopleDirectory people,
            DemoData demo, ArticleExtractor extractor, LiaisonConfig config, SchemaVersionCheck schema) {
        this.pool = pool;
        this.themes = themes;
        this.gazetteer = gazetteer;
        this.organisations = organisations;
        this.people = people;
        this.demo = demo;
        this.config = config;
        this.schema = schema;
    }

    void onStart(@Observes StartupEvent event) {
        if (schema.applies()) {
            schema.verify(pool);
        }
        Map<String, String> stored = pool.query("select name, checksum from reference_file").execute()
                .map(rows -> {
                    Map<String, String> m = new HashMap<>();
                    rows.forEach(r -> m.put(r.getString(0), r.getString(1)));
                    return m;
                }).await().atMost(Duration.ofMinutes(1));
        Map<String, Supplier<Uni<Void>>> loaders = new LinkedHashMap<>();
        loaders.put(ThemeVocabulary.FILE, () -> themes.upsert(pool));
        loaders.put(Gazetteer.FILE, () -> gazetteer.upsert(pool));
        loaders.put(Organisations.FILE, () -> organisations.upsert(pool));
        loaders.put(PeopleDirectory.FILE, () -> people.upsert(pool));
        int loaded = 0;
        for (Map.Entry<String, Supplier<Uni<Void>>> e : loaders.entrySet()) {
            String checksum = TsvFile.checksum(e.getKey());
            if (checksum.equals(stored.get(e.getKey()))) {
                continue;
            }
            e.getValue().get()
                    .chain(() -> pool.preparedQuery("insert into reference_file (name, checksum) values ($1, $2) "
                            + "on conflict (name) do update set checksum = excluded.checksum, loaded_at = now()")
                            .execute(Tuple.of(e.getKey(), checksum)))
                    .await().atMost(Duration.ofMinutes(2));
            loaded++;
        }
        LOG.infof("Reference data: %d themes, %d localities, %d people (%d of %d files loaded, the others unchanged)",
                themes.all().size(), gazetteer.all().size(), people.seeds().size(), loaded, loaders.size());
        if (config.demoData()) {
            demo.load();
        }
    }
}
