package org.liaison.exchange;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the service answered 500: the causes of the incidents it logged ("Unexpected error
 * (incident …)"), by SQLSTATE where PostgreSQL gave one (23505 a unique violation, 40P01 a
 * deadlock, 40001 a serialization failure …), else by exception. Read from a running service's
 * log file, or, for a {@code @QuarkusTest} in this JVM, caught from the logger while attached.
 */
public final class Incidents extends Handler {

    static final String LOGGER = "org.liaison.web.ProblemMappers";
    /** The reactive client's message: "ERROR: duplicate key value violates unique constraint "x" (23505)". */
    static final Pattern SQLSTATE = Pattern.compile("ERROR: ([^\\n]*?) \\(([0-9A-Z]{5})\\)");
    static final Pattern LOGGED = Pattern.compile("Unexpected error \\(incident [^)]*\\) on (\\S+): ([^\\n]*)");

    private final Map<String, Integer> causes = new ConcurrentHashMap<>();

    private Incidents() {
    }

    /** Starts catching the incidents this JVM's service logs. */
    public static Incidents attach() {
        Incidents i = new Incidents();
        Logger.getLogger(LOGGER).addHandler(i);
        return i;
    }

    public void detach() {
        Logger.getLogger(LOGGER).removeHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() < Level.SEVERE.intValue()) { // JBoss' ERROR is SEVERE's value
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        causes.merge(cause(text.toString()), 1, Integer::sum);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    public Map<String, Integer> causes() {
        return new TreeMap<>(causes);
    }

    /** The causes of the incidents in a service's log. */
    public static Map<String, Integer> inLog(String log) {
        Map<String, Integer> out = new TreeMap<>();
        Matcher m = LOGGED.matcher(log);
        while (m.find()) {
            out.merge(cause(m.group(2)), 1, Integer::sum);
        }
        return out;
    }

    static String cause(String text) {
        Matcher m = SQLSTATE.matcher(text);
        if (m.find()) {
            return m.group(2) + " " + m.group(1).replaceAll("\\d+", "N");
        }
        String first = text.strip().lines().findFirst().orElse("(no exception)");
        return first.length() > 160 ? first.substring(0, 160) : first;
    }
}
