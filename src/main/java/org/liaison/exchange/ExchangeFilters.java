package org.liaison.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.text.AliasKey;
import org.liaison.theme.ThemeVocabulary;
import org.liaison.web.Params;
import org.liaison.web.ProblemException;

/**
 * Parses {@link ExchangeFilterParams} into an {@link ExchangeFilter}: lists, codebook values,
 * theme codes and locality names, dates and their range. Every error is a 400 naming the
 * parameter and the value.
 */
@ApplicationScoped
public class ExchangeFilters {

    static final int MAX_Q = 200;

    /** The filter and the output format named among the values of {@code format}, if any. */
    public record Parsed(ExchangeFilter filter, String output) {
    }

    private final Gazetteer gazetteer;
    private final ThemeVocabulary themes;

    public ExchangeFilters(Gazetteer gazetteer, ThemeVocabulary themes) {
        this.gazetteer = gazetteer;
        this.themes = themes;
    }

    /** @param outputs the output formats this endpoint offers, which {@code format} may name besides exchange formats */
    public Parsed parse(ExchangeFilterParams p, Set<String> outputs) {
        LocalDate from = Params.date("from", single("from", p.from));
        LocalDate to = Params.date("to", single("to", p.to));
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidParameter("from", from.toString(), "is after to (" + to + ")");
        }
        Params.Format format = Params.format(values("format", p.format), outputs, Codebook.FORMATS);
        List<String> localities = new ArrayList<>();
        for (String name : values("locality", p.locality)) {
            // country is where the exchange took place, not whose locality this is: it does not narrow the name
            Gazetteer.Lookup lookup = gazetteer.resolve(name, null);
            if (lookup.candidates().isEmpty()) {
                throw ProblemException.invalidParameter("locality", name, "unknown locality; see GET /api/localities?q=...");
            }
            // an ambiguous name ("Hà Nam") filters on every unit it may mean
            lookup.candidates().stream().map(Locality::code).filter(c -> !localities.contains(c)).forEach(localities::add);
        }
        List<String> roles = oneOfEach("role", p.role, Codebook.ROLES);
        if (!roles.isEmpty() && localities.isEmpty()) {
            throw ProblemException.invalidParameter("role", String.join(",", roles), "applies to locality, which is not given");
        }
        List<String> themeCodes = new ArrayList<>();
        for (String code : values("theme", p.theme)) {
            if (themes.byCode(code) == null) {
                throw ProblemException.invalidParameter("theme", code, "unknown theme; see GET /api/themes");
            }
            themeCodes.add(code);
        }
        List<String> people = new ArrayList<>();
        for (String name : values("person", p.person)) {
            if (AliasKey.of(name).isEmpty()) {
                throw ProblemException.invalidParameter("person", name, "a name needs at least one letter");
            }
            people.add(name);
        }
        String boundaries = single("boundaries", p.boundaries);
        ExchangeFilter filter = new ExchangeFilter(from, to,
                oneOfEach("level", p.level, Codebook.LEVELS), format.exchangeFormats(),
                oneOfEach("kind", p.kind, Codebook.KINDS),
                oneOfEach("country", upper(p.country), Codebook.SIDES), localities, roles, themeCodes,
                oneOfEach("domain", p.domain, List.copyOf(ThemeVocabulary.DOMAINS)), people, q(p.q),
                oneOfEach("status", p.status, Codebook.STATUSES),
                boundaries == null ? "as-named" : Params.oneOf("boundaries", boundaries, Set.of("as-named", "current")));
        return new Parsed(filter, format.output());
    }

    private static String q(List<String> raw) {
        String q = single("q", raw);
        if (q == null) {
            return null;
        }
        if (q.length() > MAX_Q) {
            throw ProblemException.invalidParameter("q", q.substring(0, 20) + "…", "at most " + MAX_Q + " characters");
        }
        if (AliasKey.fold(q).isEmpty()) {
            // folded to nothing it would match every record
            throw ProblemException.invalidParameter("q", q, "needs at least one letter or digit");
        }
        return q;
    }

    /**
     * The values of a list filter: comma-separated and/or repeated, stripped, without repeats. A
     * value that names nothing (",", " , ") is a 400 rather than silently no filter.
     */
    static List<String> values(String name, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : raw) {
            boolean any = false;
            for (String s : Params.text(r).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                    any = true;
                }
            }
            if (!any) {
                throw ProblemException.invalidParameter(name, r, "names no value; give one or more, separated by commas");
            }
        }
        return List.copyOf(out);
    }

    private static List<String> oneOfEach(String name, List<String> raw, List<String> allowed) {
        List<String> out = values(name, raw);
        for (String v : out) {
            Params.oneOf(name, v, Set.copyOf(allowed));
        }
        return out;
    }

    private static List<String> upper(List<String> raw) {
        return raw == null ? null : raw.stream().map(s -> s == null ? null : s.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** A parameter that takes one value: given twice is an error rather than a silent choice. */
    private static String single(String name, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > 1) {
            throw ProblemException.invalidParameter(name, String.join(", ", raw), "takes one value; it was given " + raw.size() + " times");
        }
        String v = Params.text(raw.get(0));
        return v.isBlank() ? null : v.strip();
    }
}
