package org.liaison.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaison.Database;

/**
 * For every aggregate, the analytics-sql file run over plain JDBC (as a psql user would run it)
 * gives the same rows as the endpoint, for several parameter sets.
 */
@QuarkusTest
public class StatsMatchSqlTest {

    record Case(Aggregate aggregate, String path, Map<String, String> sqlParameters) {
    }

    static Map<String, String> p(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("granularity", "year");
        m.put("boundaries", "as-named");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static final List<Case> CASES = List.of(
            new Case(Aggregate.THEMES, "/api/stats/themes", p()),
            new Case(Aggregate.THEMES, "/api/stats/themes?granularity=quarter&domain=economy&top=2",
                    p("granularity", "quarter", "domain", "economy", "top", "2")),
            new Case(Aggregate.THEMES, "/api/stats/themes?from=2023-01-01&to=2023-12-31&level=locality",
                    p("from", "2023-01-01", "to", "2023-12-31", "level", "locality")),
            new Case(Aggregate.DOMAINS, "/api/stats/domains?granularity=month", p("granularity", "month")),
            new Case(Aggregate.LOCALITIES, "/api/stats/localities", p("granularity", "all")),
            new Case(Aggregate.LOCALITIES, "/api/stats/localities?side=VN&granularity=year&boundaries=current",
                    p("side", "VN", "boundaries", "current")),
            new Case(Aggregate.LOCALITIES, "/api/stats/localities?locality=Quang Tay&theme=trade-investment",
                    p("granularity", "all", "locality", "CN-GX", "theme", "trade-investment")),
            new Case(Aggregate.LOCALITY_PAIRS, "/api/stats/locality-pairs", p()),
            new Case(Aggregate.LOCALITY_PAIRS, "/api/stats/locality-pairs?boundaries=current&kind=talks",
                    p("boundaries", "current", "kind", "talks")),
            new Case(Aggregate.TIMELINE, "/api/stats/timeline", p()),
            new Case(Aggregate.TIMELINE, "/api/stats/timeline?granularity=month", p("granularity", "month")),
            new Case(Aggregate.TIMELINE, "/api/stats/timeline?granularity=month&level=locality", p("granularity", "month", "level", "locality")),
            new Case(Aggregate.TIMELINE, "/api/stats/timeline?granularity=quarter&format=online&country=CN",
                    p("granularity", "quarter", "format", "online", "country", "CN")),
            new Case(Aggregate.PEOPLE, "/api/stats/people?side=CN&top=5", p("side", "CN", "top", "5")),
            new Case(Aggregate.PEOPLE, "/api/stats/people?status=verified,draft", p("status", "verified,draft")),
            new Case(Aggregate.THEME_COOCCURRENCE, "/api/stats/theme-cooccurrence", p()),
            new Case(Aggregate.THEME_COOCCURRENCE, "/api/stats/theme-cooccurrence?domain=politics", p("domain", "politics")),
            new Case(Aggregate.SUMMARY, "/api/stats/summary", p()),
            new Case(Aggregate.SUMMARY, "/api/stats/summary?from=2024-01-01", p("from", "2024-01-01")));

    @Test
    void everyAggregateEqualsItsSqlFileRunOverJdbc() throws SQLException {
        for (Aggregate a : Aggregate.values()) {
            assertFalse(CASES.stream().noneMatch(c -> c.aggregate() == a), "a case for " + a);
        }
        for (Case c : CASES) {
            List<Map<String, String>> viaSql = jdbc(c.aggregate(), c.sqlParameters());
            List<Map<String, String>> http = httpRows(c.path());
            assertEquals(viaSql, http, c.path());
        }
    }

    /** The rows of an endpoint's JSON answer, values in their canonical spelling, without the records links (not a column of the file). */
    static List<Map<String, String>> httpRows(String path) {
        List<Map<String, Object>> viaHttp = given().get(path).then().statusCode(200).extract().path("rows");
        List<Map<String, String>> http = new ArrayList<>();
        for (Map<String, Object> row : viaHttp) {
            Map<String, String> m = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!k.equals(RecordLinks.KEY)) {
                    m.put(k, canonical(v));
                }
            });
            http.add(m);
        }
        return http;
    }

    List<Map<String, String>> jdbc(Aggregate a, Map<String, String> parameters) throws SQLException {
        try (Connection c = Database.connect()) {
            return rows(c, a.file, parameters);
        }
    }

    /** An analytics-sql file run over JDBC on {@code c}, as psql would run it; values in their canonical spelling. */
    public static List<Map<String, String>> rows(Connection c, String file, Map<String, String> parameters) throws SQLException {
        AnalyticsQuery q = AnalyticsQuery.load(file, false);
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            List<Object> values = q.bind(parameters);
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, (String) values.get(i));
            }
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), canonical(rs.getObject(i)));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** One spelling per value: numbers without trailing zeros, timestamps as instants. */
    public static String canonical(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        String s = v.toString();
        if (s.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return OffsetDateTime.parse(s).toInstant().toString();
        }
        return s;
    }
}
