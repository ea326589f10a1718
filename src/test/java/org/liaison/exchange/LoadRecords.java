package org.liaison.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The exchanges concurrent writers write: valid, keyed (a client key makes each one a record of
 * its own, so no "already known" 409 gets in the way), and drawn from few enough dates, themes,
 * localities, people and sources that writers meet on the same summary rows, source rows and
 * new people, as the writers of a busy review session do.
 */
public final class LoadRecords {

    private LoadRecords() {
    }

    static final List<String> KINDS = List.of("talks", "meeting", "courtesy_call", "workshop");
    static final List<String> THEMES = List.of("trade-investment", "border-management", "tourism", "high-level-trust",
            "party-building", "healthcare", "infrastructure-connectivity", "maritime");
    static final List<String> VN_LOCALITIES = List.of("Lang Son province", "Cao Bang", "Quảng Ninh", "VN-03");
    static final List<String> CN_LOCALITIES = List.of("CN-GX", "Vân Nam");
    static final List<String> VENUES = List.of("Nam Ninh", "Lạng Sơn", "Beijing");
    static final List<String> MENTIONED = List.of("VN-HN", "CN-GD", "VN-13", "CN-BJ");
    /** People not in the people table: the first writer to name one adds it, the others must find it. */
    static final List<String> NEW_PEOPLE = List.of("Người Thử Tải Một", "Người Thử Tải Hai", "Người Thử Tải Ba");
    static final List<String> STATUSES = List.of("draft", "draft", "draft", "verified", "rejected");

    /** One exchange in the shape of POST (and of an NDJSON line), its content drawn from {@code random}. */
    public static ObjectNode exchange(String key, String notes, Random random) {
        ObjectNode e = ServiceClient.JSON.createObjectNode();
        e.put("key", key);
        LocalDate date = LocalDate.of(2015, 1, 1).plusMonths(random.nextInt(24)).plusDays(random.nextInt(28));
        e.put("date", date.toString());
        e.put("format", "in_person");
        e.put("kind", pick(KINDS, random));
        e.put("venue", pick(VENUES, random));
        e.put("status", pick(STATUSES, random));
        if (notes != null) {
            e.put("notes", notes);
        }
        ArrayNode people = e.putArray("participants");
        people.addObject().put("name", "Nguyen Quoc Doan").put("side", "VN").put("titles", "Bí thư Tỉnh ủy")
                .put("locality", pick(VN_LOCALITIES, random));
        people.addObject().put("name", "Lưu Ninh").put("side", "CN").put("titles", "Secretary of the Party Committee")
                .put("locality", pick(CN_LOCALITIES, random));
        if (random.nextInt(4) == 0) {
            people.addObject().put("name", pick(NEW_PEOPLE, random)).put("side", "VN");
        }
        e.putArray("localities").addObject().put("name", pick(MENTIONED, random)).put("role", "mentioned");
        ArrayNode themes = e.putArray("themes");
        int first = random.nextInt(THEMES.size());
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            themes.add(THEMES.get((first + i) % THEMES.size()));
        }
        ArrayNode sources = e.putArray("sources");
        sources.addObject().put("url", "https://load.invalid/" + key).put("outlet", "load.invalid")
                .put("published", date.plusDays(1).toString()).put("language", "en");
        if (random.nextInt(3) == 0) { // a source several exchanges share, as a round-up article is
            sources.addObject().put("url", "https://load.invalid/shared/" + random.nextInt(4));
        }
        return e;
    }

    static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
