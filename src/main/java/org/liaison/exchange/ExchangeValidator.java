package org.liaison.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.liaison.gazetteer.Gazetteer;
import org.liaison.gazetteer.Locality;
import org.liaison.text.AliasKey;
import org.liaison.theme.ThemeVocabulary;
import org.liaison.web.DateRange;
import org.liaison.web.FieldError;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;

/**
 * The codebook's rules for one exchange. Collects every error (not only the first) with the
 * JSON path of the field, and resolves locality and theme names to codes.
 */
@ApplicationScoped
public class ExchangeValidator {

    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 200;

    private final Gazetteer gazetteer;
    private final ThemeVocabulary themes;
    private final Organisations organisations;

    public ExchangeValidator(Gazetteer gazetteer, ThemeVocabulary themes, Organisations organisations) {
        this.gazetteer = gazetteer;
        this.themes = themes;
        this.organisations = organisations;
    }

    public ValidExchange validate(ExchangeInput in) {
        List<FieldError> errors = new ArrayList<>();
        ValidExchange v = validate(in, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return v;
    }

    /**
     * Reads and validates a JSON body: every field of the wrong type and every invalid field is
     * named at once (422); unknown fields or a body that is no object make it unreadable (400).
     */
    public ValidExchange validate(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        ValidExchange v = validate(body, errors);
        refuse(errors);
        return v;
    }

    /** A merge patch's own field names, before it is applied (see {@link ExchangeReader#patchNames}); refused as a body is. */
    public void checkPatch(JsonNode patch) {
        List<FieldError> errors = new ArrayList<>();
        ExchangeReader.patchNames(patch, errors);
        refuse(errors);
    }

    /** Unknown fields or no object: unreadable (400); anything else invalid (422). */
    private static void refuse(List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> e.field().equals("body") || e.reason().startsWith(ExchangeReader.UNKNOWN))) {
            FieldError first = errors.get(0);
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, first.field() + ": " + first.reason(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** {@link #validate(JsonNode)} into {@code errors}: a field of the wrong type is named once, for its type. */
    public ValidExchange validate(JsonNode body, List<FieldError> errors) {
        List<FieldError> read = new ArrayList<>();
        ExchangeInput in = ExchangeReader.read(body, read);
        errors.addAll(read);
        if (in == null) {
            return null;
        }
        Set<String> typed = new java.util.HashSet<>();
        read.forEach(e -> typed.add(e.field()));
        List<FieldError> invalid = new ArrayList<>();
        ValidExchange v = validate(in, invalid);
        invalid.stream().filter(e -> !typed.contains(e.field())).forEach(errors::add);
        return v;
    }

    /** Validates into {@code errors}; the result is only meaningful when no error was added. */
    public ValidExchange validate(ExchangeInput in, List<FieldError> errors) {
        if (in == null) {
            errors.add(FieldError.of("body", null, "an exchange object is required"));
            return null;
        }
        String key = text(in.key(), "key", 200, errors);
        LocalDate date = date(in.date(), "date", true, errors);
        LocalDate end = date(in.endDate(), "end_date", false, errors);
        // A planned meeting is not an exchange (codebook section 1).
        if (date != null && date.isAfter(DateRange.STORED.latest())) {
            errors.add(FieldError.of("date", in.date(), "is in the future: a meeting announced but not yet held is not an exchange; "
                    + "must be " + DateRange.STORED.describe()));
        } else if (date != null && !DateRange.STORED.contains(date)) {
            errors.add(FieldError.of("date", in.date(), "must be " + DateRange.STORED.describe()));
        }
        if (end != null && !DateRange.STORED.contains(end)) {
            errors.add(FieldError.of("end_date", in.endDate(), "must be " + DateRange.STORED.describe()));
            end = null;
        }
        if (date != null && end != null && end.isBefore(date)) {
            errors.add(FieldError.of("end_date", in.endDate(), "must not be before date " + date));
        }
        if (date != null && end != null && end.equals(date)) {
            end = null; // a one-day event has no end_date
        }
        String precision = in.datePrecision() == null ? "day" : oneOf(in.datePrecision(), "date_precision", Codebook.PRECISIONS, errors);
        if (date != null && "month".equals(precision) && date.getDayOfMonth() != 1) {
            errors.add(FieldError.of("date", in.date(), "a month-precise date is stored as the 1st of the month"));
        }
        if (date != null && "year".equals(precision) && date.getDayOfYear() != 1) {
            errors.add(FieldError.of("date", in.date(), "a year-precise date is stored as 1 January"));
        }
        String format = required(in.format(), "format", Codebook.FORMATS, errors);
        String kind = required(in.kind(), "kind", Codebook.KINDS, errors);
        String status = in.status() == null ? null : oneOf(in.status(), "status", Codebook.STATUSES, errors);
        String notes = text(in.notes(), "notes", 20_000, errors);

        LinkedHashSet<ValidExchange.LocalityRole> roles = new LinkedHashSet<>();
        String venue = null;
        if (in.venue() != null && !in.venue().isNull()) {
            Locality l = locality(in.venue(), "venue", errors);
            venue = l == null ? null : l.code();
            if ("online".equals(format)) {
                errors.add(FieldError.of("venue", ExchangeReader.text(in.venue()), "an online exchange has no venue (codebook: venue)"));
            }
        }
        List<ExchangeInput.LocalityInput> locs = list(in.localities(), "localities", errors);
        for (int i = 0; i < locs.size(); i++) {
            ExchangeInput.LocalityInput li = locs.get(i);
            String f = "localities[" + i + "]";
            if (li == null) {
                errors.add(FieldError.of(f, null, "must be an object {code|name, country, role}"));
                continue;
            }
            String role = required(li.role(), f + ".role", Codebook.ROLES, errors);
            String value = li.code() != null ? li.code() : li.name();
            Locality l = value == null ? null : resolve(value, li.country(), f + (li.code() != null ? ".code" : ".name"), errors);
            if (value == null) {
                errors.add(FieldError.of(f + ".name", null, "code or name is required"));
            }
            if (l != null && role != null) {
                if (role.equals("venue")) {
                    if (venue == null && (in.venue() == null || in.venue().isNull())) {
                        venue = l.code();
                    } else if (venue != null && !venue.equals(l.code())) {
                        errors.add(FieldError.of(f + ".role", role, "the venue is " + venue + "; an exchange has one venue"));
                    }
                }
                roles.add(new ValidExchange.LocalityRole(l.code(), role));
            }
        }
        if (venue != null) {
            roles.add(new ValidExchange.LocalityRole(venue, "venue"));
        }

        List<ExchangeInput.ParticipantInput> ps = list(in.participants(), "participants", errors);
        List<ValidExchange.Participant> participants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < ps.size(); i++) {
            ExchangeInput.ParticipantInput p = ps.get(i);
            String f = "participants[" + i + "]";
            if (p == null) {
                errors.add(FieldError.of(f, null, "must be an object {name, side, titles, organisation, locality}"));
                continue;
            }
            String name = text(p.name(), f + ".name", 200, errors);
            if (name == null || name.isBlank()) {
                errors.add(FieldError.of(f + ".name", p.name(), "a participant is a named person; name is required"));
            }
            String side = required(p.side() == null ? null : p.side().toUpperCase(Locale.ROOT), f + ".side", Codebook.SIDES, errors);
            String titles = text(p.titles(), f + ".titles", MAX_TEXT, errors);
            String org = null;
            if (p.organisation() != null && !p.organisation().isBlank()) {
                org = organisations.resolve(p.organisation());
                if (org == null) {
                    errors.add(FieldError.of(f + ".organisation", p.organisation(), "unknown organisation; see reference/organisations.tsv"));
                }
            }
            String loc = null;
            if (p.locality() != null && !p.locality().isNull()) {
                Locality l = locality(p.locality(), f + ".locality", errors);
                if (l != null) {
                    loc = l.code();
                    if (side != null && !l.country().equals(side)) {
                        errors.add(FieldError.of(f + ".locality", l.code(), "a " + side + " participant acts for a " + side + " locality"));
                    }
                    // Codebook: a person acting for a locality makes it a participant locality.
                    roles.add(new ValidExchange.LocalityRole(loc, "participant"));
                }
            }
            if (name != null && !name.isBlank() && side != null && !seen.add(side + ":" + AliasKey.of(name))) {
                errors.add(FieldError.of(f + ".name", name, "the same person is listed twice"));
            }
            if (name != null && !name.isBlank()) {
                participants.add(new ValidExchange.Participant(name.strip(), side, titles, org, loc));
            }
        }

        // Codebook section 1: the unit is a bilateral encounter, so each side must be on the record.
        Set<String> sides = new LinkedHashSet<>();
        participants.forEach(p -> sides.add(p.side()));
        roles.stream().filter(r -> r.role().equals("participant")).map(r -> gazetteer.byCode(r.code()))
                .filter(java.util.Objects::nonNull).forEach(l -> sides.add(l.country()));
        for (String side : Codebook.SIDES) {
            if (!sides.contains(side)) {
                errors.add(FieldError.of("participants", null, "a bilateral exchange needs at least one " + side
                        + " participant or " + side + " participant locality (codebook section 1)"));
            }
        }

        boolean localityLevel = roles.stream().anyMatch(r -> r.role().equals("participant"));
        String derived = localityLevel ? "locality" : "central";
        String level = derived;
        if (in.level() != null) {
            String given = oneOf(in.level(), "level", Codebook.LEVELS, errors);
            if (given != null && !given.equals(derived)) {
                errors.add(FieldError.of("level", given, localityLevel
                        ? "a participant locality makes this a locality-level exchange (codebook section 2)"
                        : "a locality-level exchange needs at least one locality with role participant"));
            }
        }

        LinkedHashSet<String> themeCodes = new LinkedHashSet<>();
        List<String> ts = list(in.themes(), "themes", errors);
        for (int i = 0; i < ts.size(); i++) {
            String t = ts.get(i);
            if (t == null || themes.byCode(t) == null) {
                errors.add(FieldError.of("themes[" + i + "]", t, "unknown theme; see GET /api/themes"));
            } else {
                themeCodes.add(t.strip());
            }
        }

        List<ValidExchange.Source> sources = new ArrayList<>();
        List<ExchangeInput.SourceInput> ss = list(in.sources(), "sources", errors);
        Set<String> urls = new LinkedHashSet<>();
        for (int i = 0; i < ss.size(); i++) {
            ExchangeInput.SourceInput s = ss.get(i);
            String f = "sources[" + i + "]";
            if (s == null) {
                errors.add(FieldError.of(f, null, "must be an object {url, outlet, title, published, language}"));
                continue;
            }
            String url = text(s.url(), f + ".url", 2000, errors);
            if (url == null || !isHttpUrl(url)) {
                errors.add(FieldError.of(f + ".url", s.url(), "an absolute http(s) URL is required"));
            } else if (!urls.add(url.strip())) {
                errors.add(FieldError.of(f + ".url", url, "listed twice"));
            }
            LocalDate published = date(s.published(), f + ".published", false, errors);
            if (published != null && !DateRange.STORED.contains(published)) {
                errors.add(FieldError.of(f + ".published", s.published(), "must be " + DateRange.STORED.describe()));
            }
            String lang = s.language() == null ? null : oneOf(s.language(), f + ".language", Codebook.LANGUAGES, errors);
            sources.add(new ValidExchange.Source(url == null ? null : url.strip(), text(s.outlet(), f + ".outlet", 200, errors),
                    text(s.title(), f + ".title", 1000, errors), published, lang));
        }
        return new ValidExchange(key == null || key.isBlank() ? null : key.strip(), date, end, precision, format, kind, venue,
                level, status, notes, in.version(), participants, List.copyOf(roles), List.copyOf(themeCodes), sources);
    }

    private Locality locality(JsonNode node, String field, List<FieldError> errors) {
        if (node.isTextual()) {
            return resolve(node.asText(), null, field, errors);
        }
        if (node.isObject()) {
            String code = node.path("code").isTextual() ? node.path("code").asText() : null;
            String name = node.path("name").isTextual() ? node.path("name").asText() : null;
            String country = node.path("country").isTextual() ? node.path("country").asText() : null;
            if (code == null && name == null) {
                errors.add(FieldError.of(field, ExchangeReader.text(node), "code or name is required"));
                return null;
            }
            return resolve(code != null ? code : name, country, field + (code != null ? ".code" : ".name"), errors);
        }
        errors.add(FieldError.of(field, ExchangeReader.text(node), "must be a locality code or name, or {code|name, country}"));
        return null;
    }

    private Locality resolve(String value, String country, String field, List<FieldError> errors) {
        if (country != null && !Codebook.SIDES.contains(country.toUpperCase(Locale.ROOT))) {
            errors.add(FieldError.of(field.replaceAll("\\.(code|name)$", "") + ".country", country, "must be VN or CN"));
            return null;
        }
        Gazetteer.Lookup lookup = gazetteer.resolve(value, country);
        if (lookup.found()) {
            return lookup.locality();
        }
        if (lookup.candidates().isEmpty()) {
            errors.add(FieldError.of(field, value, "unknown locality" + (country == null ? "" : " in " + country)
                    + "; see GET /api/localities?q=..."));
        } else {
            errors.add(FieldError.of(field, value, "ambiguous: "
                    + String.join(" or ", lookup.candidates().stream().map(Locality::code).toList())
                    + "; give the code or the country"));
        }
        return null;
    }

    /** An absolute http(s) URL with a host: what a source's url must be. */
    public static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s.strip());
            return u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static <T> List<T> list(List<T> l, String field, List<FieldError> errors) {
        if (l == null) {
            return List.of();
        }
        if (l.size() > MAX_ITEMS) {
            errors.add(FieldError.of(field, String.valueOf(l.size()), "at most " + MAX_ITEMS + " items"));
            return List.of();
        }
        return l;
    }

    private static String text(String s, String field, int max, List<FieldError> errors) {
        if (s != null && s.length() > max) {
            errors.add(FieldError.of(field, s.substring(0, 40) + "…", "longer than " + max + " characters"));
        }
        return s;
    }

    private static LocalDate date(String s, String field, boolean required, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, s, "is required (YYYY-MM-DD)"));
            }
            return null;
        }
        LocalDate d = DateRange.parse(s);
        if (d == null) {
            errors.add(FieldError.of(field, s, DateRange.FORMAT));
        }
        return d;
    }

    private static String required(String s, String field, List<String> allowed, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(FieldError.of(field, s, "is required, one of " + String.join(", ", allowed)));
            return null;
        }
        return oneOf(s, field, allowed, errors);
    }

    private static String oneOf(String s, String field, List<String> allowed, List<FieldError> errors) {
        if (!allowed.contains(s.strip())) {
            errors.add(FieldError.of(field, s, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return s.strip();
    }
}
