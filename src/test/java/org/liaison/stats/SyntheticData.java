package org.liaison.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import org.liaison.Database;

/**
 * analytics-sql/bench/generate.sql run over JDBC, as the benchmark runs it with psql: the psql
 * lines skipped, the function defined, then called. Generated rows are removed again by
 * {@link #remove()} so that the corpus tests sharing the database see only the corpus.
 */
final class SyntheticData {

    private SyntheticData() {
    }

    static void generate(int n) {
        String file;
        try (InputStream in = SyntheticData.class.getClassLoader().getResourceAsStream("analytics-sql/bench/generate.sql")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sql = file.substring(0, file.indexOf("-- psql only from here")).lines().filter(l -> !l.stripLeading().startsWith("\\")).collect(Collectors.joining("\n"));
        run(sql, "select synthetic_generate(" + n + ")", "analyze");
    }

    static void remove() {
        run("delete from exchange where natural_key like 'synthetic-%'",
                "delete from source where url like 'https://synthetic.invalid/%'",
                "delete from person where name like 'Synthetic person %'",
                "select stats_rollup_rebuild()");
    }

    private static void run(String... statements) {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
