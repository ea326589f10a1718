package org.liaison.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.liaison.LiaisonConfig;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the analytics-sql files; all of them are read and checked once, at start. */
@Singleton
public class StatsService {

    private final Pool pool;
    private final Map<Aggregate, AnalyticsQuery> queries = new EnumMap<>(Aggregate.class);
    private final Map<Aggregate, AnalyticsQuery> rollupQueries = new EnumMap<>(Aggregate.class);
    private final boolean rollups;
    private final java.time.Duration queryTimeout;
    /** Seconds a client told "query-timeout" waits: the load that made it slow may pass. */
    static final int RETRY_AFTER = 10;

    @Inject
    public StatsService(LiaisonConfig config, Pool pool) {
        this.pool = pool;
        this.rollups = config.stats().rollups();
        this.queryTimeout = config.stats().queryTimeout();
        if (queryTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("liaison.stats.query-timeout must be at least 1 ms, not " + queryTimeout);
        }
        for (Aggregate a : Aggregate.values()) {
            queries.put(a, AnalyticsQuery.load(a.file));
            rollupQueries.put(a, AnalyticsQuery.load("rollup/" + a.file));
        }
    }

    public AnalyticsQuery query(Aggregate a) {
        return queries.get(a);
    }

    /**
     * The file that answers: analytics-sql/rollup/ when the summaries cover the filter
     * ({@link org.liaison.exchange.ExchangeFilter#coveredBySummaries()}), else the base file.
     */
    public AnalyticsQuery queryFor(Aggregate a, boolean coveredBySummaries) {
        return rollups && coveredBySummaries ? rollupQueries.get(a) : queries.get(a);
    }

    /**
     * Runs the aggregate's file in a transaction of its own, so that its time limit
     * (liaison.stats.query-timeout, SET LOCAL statement_timeout) holds for this query only.
     */
    public Uni<Table> run(Aggregate aggregate, Map<String, String> parameters, boolean coveredBySummaries) {
        AnalyticsQuery q = queryFor(aggregate, coveredBySummaries);
        return pool.withTransaction(c -> c.query("set local statement_timeout = " + queryTimeout.toMillis()).execute()
                .chain(() -> c.preparedQuery(q.sql()).execute(Tuple.from(q.bind(parameters)))))
                .onFailure(StatsService::cancelledAtItsLimit).transform(e -> new ProblemException(ProblemType.QUERY_TIMEOUT,
                        "The " + aggregate.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " aggregate took longer than "
                        + (queryTimeout.toMillis() % 1000 == 0 ? queryTimeout.toSeconds() + " s" : queryTimeout.toMillis() + " ms")
                        + " (liaison.stats.query-timeout) and was cancelled; narrow the filter (a "
                        + "shorter period, fewer localities or themes) or try again later", List.of(), RETRY_AFTER))
                .map(rows -> {
            List<String> columns = rows.columnsNames();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), value(r.getValue(i)));
                }
                out.add(row);
            }
            return new Table(columns, out);
        });
    }

    /** The data version: it changes on every write (a trigger bumps it), so it keys ETags. */
    public Uni<Long> dataVersion() {
        return pool.query("select version from data_version").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** SQLSTATE 57014, query_canceled: here only ever the statement_timeout set above. */
    private static boolean cancelledAtItsLimit(Throwable e) {
        return e instanceof io.vertx.pgclient.PgException pg && "57014".equals(pg.getSqlState());
    }

    private static Object value(Object v) {
        if (v instanceof LocalDate || v instanceof OffsetDateTime) {
            return v.toString();
        }
        return v;
    }
}
