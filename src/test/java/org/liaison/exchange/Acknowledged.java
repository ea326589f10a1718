package org.liaison.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the service acknowledged to concurrent writers, and the check that all of it holds once
 * they have stopped: an acknowledged create or update is in the export as acknowledged, an
 * acknowledged delete is gone, no If-Match update was lost. A write that got no answer or a 5xx
 * may or may not have happened; its record is left out of the check ("uncertain"), since a
 * client cannot know either.
 */
public final class Acknowledged {

    /** A record as its last acknowledged write left it. {@code id} is null for an imported line (known by key). */
    record Expected(String key, String id, int version, String notes, String status) {
    }

    /** A record all writers patch with If-Match: every 200 must be a version of its own, every token must survive. */
    static final class Shared {
        final String id;
        final int initialVersion;
        final List<Integer> versions = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final List<Integer> refusedAt = new ArrayList<>();
        volatile boolean uncertain;

        Shared(String id, int initialVersion) {
            this.id = id;
            this.initialVersion = initialVersion;
        }

        synchronized void accepted(int version, String token) {
            versions.add(version);
            tokens.add(token);
        }

        synchronized void refused(int ifMatch) {
            refusedAt.add(ifMatch);
        }
    }

    final Map<String, Expected> live = new ConcurrentHashMap<>();
    final Map<String, String> deleted = new ConcurrentHashMap<>(); // key -> id
    final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    final Map<String, Shared> shared = new ConcurrentHashMap<>();

    void written(Expected e) {
        if (!uncertain.contains(e.key())) {
            live.put(e.key(), e);
        }
    }

    void deleted(String key, String id) {
        live.remove(key);
        deleted.put(key, id);
    }

    void unknown(String key) {
        uncertain.add(key);
        live.remove(key);
        deleted.remove(key);
    }

    public int acknowledgedRecords() {
        return live.size() + deleted.size();
    }

    public int uncertainRecords() {
        return uncertain.size();
    }

    /** Every way in which the service's data disagree with what it acknowledged; empty when all holds. */
    public List<String> violations(ServiceClient service) {
        List<String> out = new ArrayList<>();
        List<JsonNode> export = service.ndjson("/api/exchanges/export?status=draft,verified,rejected");
        Map<String, JsonNode> byKey = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode e : export) {
            if (byKey.put(e.path("key").asText(), e) != null) {
                out.add("key " + e.path("key").asText() + " is exported twice");
            }
            ids.add(e.path("id").asText());
        }
        int lost = 0;
        for (Expected x : live.values()) {
            JsonNode e = byKey.get(x.key());
            String problem = null;
            if (e == null) {
                problem = "acknowledged " + x + " is not in the export";
            } else if (x.id() != null && !x.id().equals(e.path("id").asText())) {
                problem = x.key() + ": id " + e.path("id").asText() + ", acknowledged " + x.id();
            } else if (x.version() != e.path("version").asInt()) {
                problem = x.key() + ": version " + e.path("version").asInt() + ", acknowledged " + x.version();
            } else if (!Objects.equals(x.notes(), e.path("notes").isNull() ? null : e.path("notes").asText())) {
                problem = x.key() + ": notes '" + e.path("notes").asText() + "', acknowledged '" + x.notes() + "'";
            } else if (x.status() != null && !x.status().equals(e.path("status").asText())) {
                problem = x.key() + ": status " + e.path("status").asText() + ", acknowledged " + x.status();
            }
            if (problem != null && lost++ < 10) {
                out.add(problem);
            }
        }
        if (lost > 10) {
            out.add("… " + (lost - 10) + " more acknowledged writes not as acknowledged (" + lost + " of " + live.size() + ")");
        }
        int back = 0;
        for (Map.Entry<String, String> d : deleted.entrySet()) {
            if (byKey.containsKey(d.getKey()) || ids.contains(d.getValue())) {
                if (back++ < 10) {
                    out.add("acknowledged delete of " + d.getKey() + " (" + d.getValue() + ") is still exported");
                }
            }
        }
        if (back > 10) {
            out.add("… " + (back - 10) + " more deleted records still exported");
        }
        for (Shared s : shared.values()) {
            out.addAll(check(s, byKey.values().stream().filter(e -> e.path("id").asText().equals(s.id)).findFirst().orElse(null)));
        }
        long listed = service.getJson("/api/exchanges?status=draft,verified,rejected&limit=1").path("total").asLong();
        if (listed != export.size()) {
            out.add("the list's total (every status) is " + listed + ", the export has " + export.size() + " lines");
        }
        long listedDefault = service.getJson("/api/exchanges?limit=1").path("total").asLong();
        int exportedDefault = service.ndjson("/api/exchanges/export").size();
        if (listedDefault != exportedDefault) {
            out.add("the list's total is " + listedDefault + ", the export has " + exportedDefault + " lines (default status filter)");
        }
        return out;
    }

    private static List<String> check(Shared s, JsonNode stored) {
        List<String> out = new ArrayList<>();
        if (stored == null) {
            out.add("the shared record " + s.id + " is gone");
            return out;
        }
        int version = stored.path("version").asInt();
        String notes = stored.path("notes").asText("");
        synchronized (s) {
            Set<Integer> distinct = new HashSet<>(s.versions);
            if (distinct.size() != s.versions.size()) {
                out.add("shared record " + s.id + ": two If-Match PATCHes were both acknowledged with the same version (a lost update): "
                        + s.versions.stream().sorted().toList());
            }
            List<String> missing = s.tokens.stream().filter(t -> !List.of(notes.split(" ")).contains(t)).toList();
            if (!missing.isEmpty()) {
                out.add("shared record " + s.id + ": " + missing.size() + " of " + s.tokens.size()
                        + " acknowledged PATCHes are lost (their notes are gone), e.g. " + missing.subList(0, Math.min(5, missing.size())));
            }
            if (!s.uncertain && version != s.initialVersion + s.versions.size()) {
                out.add("shared record " + s.id + ": version " + version + " after " + s.versions.size()
                        + " acknowledged PATCHes from version " + s.initialVersion);
            }
            for (int ifMatch : s.refusedAt) {
                if (ifMatch >= version) {
                    out.add("shared record " + s.id + ": a PATCH with If-Match \"" + ifMatch + "\" was refused (412), "
                            + "yet the record never got past version " + version);
                    break;
                }
            }
        }
        return out;
    }
}
