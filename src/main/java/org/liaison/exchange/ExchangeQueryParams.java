package org.liaison.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.theme.ThemeVocabulary;
import org.liaison.web.Params;
import org.liaison.web.ProblemException;

/** Parses the filter query parameters shared by list, export and the aggregates; 400 names the parameter. */
@ApplicationScoped
public class ExchangeQueryParams {

    @Inject
    Gazetteer gazetteer;
    @Inject
    ThemeVocabulary themes;

    public ExchangeFilter parse(String from, String to, String theme, String domain, String locality, String role,
            String country, String level, String format, String kind, String person, String status, String q) {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        if (f != null && t != null && f.isAfter(t)) {
            throw ProblemException.invalidParameter("from", from, "is after to (" + to + ")");
        }
        List<String> themeCodes = new ArrayList<>();
        for (String code : split(theme)) {
            if (themes.byCode(code) == null) {
                throw ProblemException.invalidParameter("theme", code, "unknown theme; see GET /api/themes");
            }
            themeCodes.add(code);
        }
        List<String> localityCodes = new ArrayList<>();
        for (String name : split(locality)) {
            Gazetteer.Lookup lookup = gazetteer.resolve(name, Params.country("country", country));
            if (lookup.candidates().isEmpty()) {
                throw ProblemException.invalidParameter("locality", name, "unknown locality; see GET /api/localities?q=...");
            }
            // An ambiguous name ("Hà Nam") without a country filters on every unit it may mean.
            lookup.candidates().stream().map(Locality::code).forEach(localityCodes::add);
        }
        List<String> statuses = new ArrayList<>();
        for (String s : split(status)) {
            statuses.add(Params.oneOf("status", s, Set.copyOf(Codebook.STATUSES)));
        }
        String qq = q == null || q.isBlank() ? null : q.strip();
        if (qq != null && qq.length() > 200) {
            throw ProblemException.invalidParameter("q", qq.substring(0, 20) + "…", "at most 200 characters");
        }
        return new ExchangeFilter(f, t, themeCodes, Params.oneOf("domain", domain, ThemeVocabulary.DOMAINS),
                localityCodes, Params.oneOf("role", role, Set.copyOf(Codebook.ROLES)),
                Params.country("country", country), Params.oneOf("level", level, Set.copyOf(Codebook.LEVELS)),
                Params.oneOf("format", format, Set.copyOf(Codebook.FORMATS)),
                Params.oneOf("kind", kind, Set.copyOf(Codebook.KINDS)),
                person == null || person.isBlank() ? null : person.strip(), statuses, qq);
    }

    static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return List.copyOf(out);
    }
}
