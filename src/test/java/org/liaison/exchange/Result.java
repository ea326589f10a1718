package org.liaison.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.liaison.exchange.Writers.Call;
import org.liaison.exchange.Writers.Op;

/** The answers of one {@link Writers} run, and the figures issue 15 asks of them. */
public record Result(Writers.Plan plan, List<Call> calls, Acknowledged acknowledged, long startNanos, long endNanos) {

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    public List<Call> writes() {
        return calls.stream().filter(c -> c.op().write()).toList();
    }

    /** 5xx answers and requests that got no answer. */
    public List<Call> failures() {
        return calls.stream().filter(c -> c.answer().failed()).toList();
    }

    /** Answers the API's rules exclude that are not failures (a 412 on a record no one else wrote, a 409 on a new key ...). */
    public List<Call> unexpected() {
        return calls.stream().filter(c -> !c.expected() && !c.answer().failed()).toList();
    }

    public List<Call> where(Predicate<Call> p) {
        return calls.stream().filter(p).toList();
    }

    /** Acknowledged write requests per second. */
    public double writesPerSecond() {
        return writes().stream().filter(c -> c.expected() && c.answer().ok()).count() / seconds();
    }

    /** The share of write requests that failed (5xx or no answer). */
    public double writeErrorRate() {
        List<Call> w = writes();
        return w.isEmpty() ? 0 : w.stream().filter(c -> c.answer().failed()).count() / (double) w.size();
    }

    /** Milliseconds at quantile q (0.5, 0.99, 1) of the single-record writes, whatever their answer. */
    public double singleWriteMillis(double q) {
        long[] nanos = calls.stream().filter(c -> c.op().singleRecordWrite()).mapToLong(c -> c.answer().nanos()).sorted().toArray();
        return quantile(nanos, q) / 1e6;
    }

    static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** "CREATE 201×120 500×3; PATCH 200×80 …": every op's answers by status (-1: none). */
    public String statusesByOp() {
        Map<Op, Map<Integer, Long>> m = new TreeMap<>();
        for (Call c : calls) {
            m.computeIfAbsent(c.op(), k -> new TreeMap<>()).merge(c.answer().status(), 1L, Long::sum);
        }
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                .map(s -> s.getKey() + "×" + s.getValue()).collect(Collectors.joining(" "))).collect(Collectors.joining("; "));
    }

    /** The first few calls of a kind, for a failure message. */
    public static String samples(List<Call> calls, int n) {
        List<String> out = new ArrayList<>();
        for (Call c : calls.subList(0, Math.min(n, calls.size()))) {
            out.add("  " + c.op() + " " + c.what() + " -> " + c.answer().status() + " " + c.answer().excerpt());
        }
        return String.join("\n", out);
    }

    public String summary() {
        return String.format("%d writers, %d readers, %.1f s: %d requests (%s); %.1f acknowledged writes/s, write error rate %.4f, "
                + "single-record writes p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d answers breaking the API's rules; "
                + "%d records acknowledged, %d uncertain",
                plan.writers(), plan.readers(), seconds(), calls.size(), statusesByOp(), writesPerSecond(), writeErrorRate(),
                singleWriteMillis(0.5), singleWriteMillis(0.99), singleWriteMillis(1), unexpected().size(),
                acknowledged.acknowledgedRecords(), acknowledged.uncertainRecords());
    }
}
