package org.liaison.feed.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A site's robots.txt as far as the service needs it (RFC 9309): the group of our product
 * token, else the group of "*", and their Allow and Disallow rules. The longest matching rule
 * decides, Allow winning a tie; {@code *} matches any characters and a final {@code $} the end.
 * No group, or no file at all, allows everything.
 */
public final class RobotsTxt {

    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());

    record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private RobotsTxt(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code text} that apply to {@code agent} (a product token such as "Liaison"). */
    public static RobotsTxt parse(String text, String agent) {
        String me = agent.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> any = new ArrayList<>();
        boolean forMe = false;
        boolean forAny = false;
        boolean inAgents = false; // consecutive user-agent lines open one group
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgents) {
                    forMe = false;
                    forAny = false;
                }
                inAgents = true;
                String ua = value.toLowerCase(Locale.ROOT);
                forMe |= !ua.equals("*") && !ua.isEmpty() && me.startsWith(ua.split("/")[0]);
                forAny |= ua.equals("*");
                continue;
            }
            inAgents = false;
            if ((key.equals("allow") || key.equals("disallow")) && !value.isEmpty()) {
                Rule r = new Rule(key.equals("allow"), value, pattern(value));
                if (forMe) {
                    mine.add(r);
                }
                if (forAny) {
                    any.add(r);
                }
            }
        }
        return new RobotsTxt(!mine.isEmpty() || mentions(text, me) ? mine : any);
    }

    /** A group for our token with no rules still replaces "*" (it allows everything). */
    private static boolean mentions(String text, String me) {
        return text.lines().map(l -> l.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT))
                .filter(l -> l.startsWith("user-agent:")).map(l -> l.substring("user-agent:".length()).strip())
                .anyMatch(ua -> !ua.equals("*") && !ua.isEmpty() && me.startsWith(ua.split("/")[0]));
    }

    private static Pattern pattern(String path) {
        boolean end = path.endsWith("$");
        String body = end ? path.substring(0, path.length() - 1) : path;
        StringBuilder regex = new StringBuilder();
        String[] parts = body.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex + (end ? "$" : ""));
    }

    /** Whether a path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule r : rules) {
            if (r.pattern.matcher(path).lookingAt()
                    && (best == null || r.path.length() > best.path.length() || (r.path.length() == best.path.length() && r.allow))) {
                best = r;
            }
        }
        return best == null || best.allow;
    }
}
