package org.liaison.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flyway's history ({@code flyway_schema_history}) held against the migrations of a build, by the
 * rules of Flyway's own validation with its default settings: every migration of the build applied
 * with its checksum and under its file name (a repeatable one in its latest run), none failed, no
 * applied migration the build does not have, except versions above the build's highest (a newer
 * build's, "future": accepted). A baseline row stands for the versions up to it; a migration
 * marked deleted by {@code flyway repair} counts as not applied.
 */
public final class FlywayHistory {

    /** One row of the history, in installed order. */
    public record Row(String version, String script, Integer checksum, boolean success, String type) {
    }

    private FlywayHistory() {
    }

    /** What is wrong, one sentence each; empty when the history is the build's. */
    public static List<String> differences(List<Migration> build, List<Row> history) {
        List<String> problems = new ArrayList<>();
        String baseline = null;
        Map<String, Row> latest = new LinkedHashMap<>();
        for (Row r : history) {
            if (!r.success()) {
                problems.add(fileName(r.script()) + " failed on this database (success = false in the history; repair it, then migrate)");
            } else if ("BASELINE".equals(r.type())) {
                baseline = r.version();
            } else if (!"SCHEMA".equals(r.type())) {
                latest.put(key(r.version(), fileName(r.script())), r); // a later run, or a deletion mark, replaces an earlier one
            }
        }
        for (Migration m : build) {
            Row applied = latest.remove(key(m.version(), m.script()));
            if (applied == null || "DELETE".equals(applied.type())) {
                if (m.repeatable() || baseline == null || compareVersions(m.version(), baseline) > 0) {
                    problems.add(m.script() + " is not applied");
                }
            } else if (applied.checksum() == null || applied.checksum() != m.checksum()) {
                problems.add(m.script() + (m.repeatable() ? " was last applied in another version" : " was applied in another version")
                        + " (checksum " + applied.checksum() + ", this build's " + m.checksum() + ")");
            } else if (!m.repeatable() && !m.script().equals(fileName(applied.script()))) {
                problems.add(m.script() + " was applied as " + fileName(applied.script()));
            }
        }
        String highest = highest(build);
        for (Row r : latest.values()) { // applied, and not in this build
            if (!"DELETE".equals(r.type()) && !above(r.version(), highest)) {
                problems.add(fileName(r.script()) + " is applied but not in this build");
            }
        }
        return problems;
    }

    /** Versions above the build's highest that the history has: a newer build migrated the database. */
    public static List<String> future(List<Migration> build, List<Row> history) {
        String highest = highest(build);
        return history.stream().filter(r -> r.success() && !"BASELINE".equals(r.type()) && above(r.version(), highest))
                .map(r -> fileName(r.script())).toList();
    }

    /** The build's highest version, null when it has no versioned migration. */
    private static String highest(List<Migration> build) {
        String highest = null;
        for (Migration m : build) {
            if (!m.repeatable() && (highest == null || compareVersions(m.version(), highest) > 0)) {
                highest = m.version();
            }
        }
        return highest;
    }

    /** A version above the build's highest: a newer build's migration ("future"). */
    private static boolean above(String version, String highest) {
        return version != null && (highest == null || compareVersions(version, highest) > 0);
    }

    /** A versioned migration by its version, a repeatable one by its file name. */
    private static String key(String version, String fileName) {
        return version != null ? "V" + version : "R" + fileName;
    }

    /** Quarkus' Flyway records a script by its classpath path (db/migration/V1__schema.sql): compared by file name. */
    static String fileName(String script) {
        return script == null ? null : script.substring(script.lastIndexOf('/') + 1);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
