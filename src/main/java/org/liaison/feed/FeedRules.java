package org.liaison.feed;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.feed.fetch.AddressPolicy;
import org.liaison.feed.fetch.CanonicalUrl;
import org.liaison.web.FieldError;
import org.liaison.web.ProblemException;
import org.liaison.web.ProblemType;
import org.liaison.web.TextCheck;

/**
 * A feed's settings as a client sends them (POST: all, PATCH: some), each bad field named with
 * its reason (422), an unknown one a 400; the URL also passes the address rule (it is resolved:
 * call off the event loop).
 */
@ApplicationScoped
public class FeedRules {

    static final Set<String> FIELDS = Set.of("url", "kind", "link_pattern", "outlet", "language", "poll_interval", "active");
    /** Of the view, not settable. */
    static final Set<String> READ_ONLY = Set.of("id", "created_at", "next_poll_at", "last_poll_at", "last_success_at", "last_error",
            "last_error_at", "error_count", "items_seen", "items_fetched", "items_pending", "items_failed", "exchanges_drafted",
            "reports_merged");
    static final Duration SHORTEST = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofDays(7);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m|min|h|d)");

    private final AddressPolicy addresses;

    public FeedRules(AddressPolicy addresses) {
        this.addresses = addresses;
    }

    /** {@code base} with the fields of {@code body} applied; url and outlet are required in the result. */
    FeedSettings apply(JsonNode body, FeedSettings base) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object",
                    List.of(FieldError.of("body", null, "a JSON object is required")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name) && !READ_ONLY.contains(name)) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Unknown field '" + name + "'",
                        List.of(FieldError.of(name, null, "unknown field; the fields are " + String.join(", ", new java.util.TreeSet<>(FIELDS)))));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (READ_ONLY.contains(n)) {
                errors.add(FieldError.of(n, body.get(n).asText(), "is read-only"));
            }
        });
        String url = text(body, "url", base.url(), errors);
        String kind = text(body, "kind", base.kind(), errors);
        String linkPattern = body.has("link_pattern") ? text(body, "link_pattern", null, errors) : base.linkPattern();
        String outlet = text(body, "outlet", base.outlet(), errors);
        String language = body.has("language") ? text(body, "language", null, errors) : base.language();
        Duration interval = base.pollInterval();
        if (body.has("poll_interval")) {
            interval = duration(text(body, "poll_interval", null, errors), errors);
        }
        boolean active = base.active();
        if (body.has("active")) {
            if (body.get("active").isBoolean()) {
                active = body.get("active").booleanValue();
            } else {
                errors.add(FieldError.of("active", body.get("active").toString(), "must be true or false"));
            }
        }
        if (url == null) {
            errors.add(FieldError.of("url", null, "the feed's http(s) URL is required"));
        } else {
            try {
                url = CanonicalUrl.of(url);
                if (url.length() > 2000) {
                    errors.add(FieldError.of("url", url, "at most 2000 characters"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("url", url, e.getMessage()));
                url = null;
            }
        }
        if (kind != null && !List.of("rss", "atom", "listing").contains(kind)) {
            errors.add(FieldError.of("kind", kind, "must be rss, atom or listing"));
        }
        if ("listing".equals(kind)) {
            if (linkPattern == null || linkPattern.isBlank()) {
                errors.add(FieldError.of("link_pattern", null, "a listing page needs a link pattern: a regular expression the "
                        + "article links contain, e.g. /politics/.*\\.html"));
            } else if (linkPattern.length() > 500) {
                errors.add(FieldError.of("link_pattern", linkPattern, "at most 500 characters"));
            } else {
                try {
                    Pattern.compile(linkPattern);
                } catch (PatternSyntaxException e) {
                    errors.add(FieldError.of("link_pattern", linkPattern, "not a regular expression: " + e.getDescription()));
                }
            }
        } else if (linkPattern != null && kind != null && body.has("link_pattern")) {
            errors.add(FieldError.of("link_pattern", linkPattern, "only a listing page has a link pattern"));
        }
        if (outlet == null || outlet.isBlank()) {
            errors.add(FieldError.of("outlet", outlet, "the outlet named on the drafts' sources is required (e.g. en.vietnamplus.vn)"));
        } else if (outlet.length() > 200) {
            errors.add(FieldError.of("outlet", outlet, "at most 200 characters"));
        }
        if (language != null && !List.of("en", "vi").contains(language)) {
            errors.add(FieldError.of("language", language, "must be en, vi or null (detected)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new FeedSettings(url, kind, "listing".equals(kind) ? linkPattern : null, outlet.strip(), language, interval, active);
    }

    /** The address rule for the feed's URL (422 naming url); blocking: it resolves the host. */
    void checkAddress(FeedSettings s) {
        String problem = addresses.problem(CanonicalUrl.parse(s.url()));
        if (problem != null) {
            throw ProblemException.validation(List.of(FieldError.of("url", s.url(), problem)));
        }
    }

    private static String text(JsonNode body, String field, String dflt, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return dflt;
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(FieldError.of(field, v.toString(), "must be a string"));
            return dflt;
        }
        String problem = TextCheck.problem(v.textValue());
        if (problem != null) {
            errors.add(FieldError.of(field, v.textValue(), problem));
            return dflt;
        }
        return v.textValue().strip();
    }

    /** "30m", "2h", "1d", "90 min" or ISO-8601 ("PT30M"), within 5 minutes … 7 days. */
    static Duration duration(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.of("poll_interval", null, "required: e.g. 30m, 2h, 1d or PT30M"));
            return null;
        }
        Duration d = null;
        Matcher m = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("poll_interval", value, "expected a duration such as 30m, 2h, 1d or PT30M"));
                return null;
            }
        }
        if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
            errors.add(FieldError.of("poll_interval", value, "must be between 5 minutes and 7 days"));
            return null;
        }
        return d;
    }
}
