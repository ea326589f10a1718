package org.liaison;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.liaison.exchange.Organisations;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.ingest.DemoData;
import org.liaison.people.PeopleDirectory;
import org.liaison.theme.ThemeVocabulary;

/**
 * Brings the database in line with the reference files, then loads the demo data where
 * configured. Runs after Flyway's migration; a failure stops startup with its message.
 */
@Singleton
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    @Inject
    Pool pool;
    @Inject
    ThemeVocabulary themes;
    @Inject
    Gazetteer gazetteer;
    @Inject
    Organisations organisations;
    @Inject
    PeopleDirectory people;
    @Inject
    DemoData demo;
    @Inject
    LiaisonConfig config;

    void onStart(@Observes StartupEvent event) {
        Uni.createFrom().voidItem()
                .chain(() -> themes.upsert(pool))
                .chain(() -> gazetteer.upsert(pool))
                .chain(() -> organisations.upsert(pool))
                .chain(() -> people.upsert(pool))
                .await().atMost(Duration.ofMinutes(2));
        LOG.infof("Reference data: %d themes, %d localities, %d people", themes.all().size(), gazetteer.all().size(),
                people.seeds().size());
        if (config.demoData()) {
            demo.load().await().atMost(Duration.ofMinutes(2));
        }
    }
}
