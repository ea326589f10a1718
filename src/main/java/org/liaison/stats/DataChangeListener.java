package org.liaison.stats;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgChannel;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * LISTENs on liaison_data_changed (notified by the data_version trigger at the commit of every
 * write, whichever instance made it) and moves the stats cache to a new epoch. One dedicated
 * connection per instance; it reconnects by itself, and the cache stays off while it is down.
 */
@Singleton
public class DataChangeListener {

    static final String CHANNEL = "liaison_data_changed";
    private static final Logger LOG = Logger.getLogger(DataChangeListener.class);

    private final Vertx vertx;
    private final StatsCache cache;
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;

    public DataChangeListener(Vertx vertx, StatsCache cache,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.cache = cache;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    private PgSubscriber subscriber;
    /** Set at shutdown: the connection we close ourselves is not "lost". */
    private volatile boolean stopping;

    void start(@Observes StartupEvent event) {
        if (url.isEmpty()) {
            LOG.warn("No quarkus.datasource.reactive.url: stats answers are not cached");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get().replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 500L); // keep trying, twice a second
        PgChannel channel = subscriber.channel(CHANNEL);
        channel.subscribeHandler(v -> {
            LOG.debugf("Listening on %s: stats cache on", CHANNEL);
            cache.listening(true);
        });
        channel.endHandler(v -> {
            cache.listening(false);
            if (!stopping) {
                LOG.warnf("Lost the %s connection: stats cache off until it is back", CHANNEL);
            }
        });
        channel.handler(payload -> cache.invalidate());
        connect();
    }

    /** The reconnect policy covers a lost connection; a first connection that fails is retried here. */
    private void connect() {
        subscriber.connect().onFailure(e -> {
            LOG.warnf("Cannot LISTEN on %s (%s): stats cache off, retrying in 1 s", CHANNEL, e.getMessage());
            if (!subscriber.closed()) {
                vertx.setTimer(1000, t -> connect());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
