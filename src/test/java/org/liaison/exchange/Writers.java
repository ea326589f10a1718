package org.liaison.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.liaison.exchange.ServiceClient.Answer;

/**
 * Concurrent writers (and optionally readers) against one running service, each a thread with a
 * connection of its own, for a given time or until stopped. A writer creates exchanges (POST),
 * reviews its own with a merge patch under If-Match, replaces them (PUT with If-Match), deletes
 * them, re-sends a stale If-Match (which must be refused), imports small NDJSON files and
 * re-imports them (which must change nothing); and all writers patch a few shared records with
 * If-Match at once, where only one writer of each version may win. Every answer is kept with its
 * timing, and what was acknowledged goes into {@link Acknowledged} for the checks afterwards.
 */
public final class Writers {

    public enum Op {
        CREATE(30), PATCH(18), PUT(10), DELETE(8), STALE_PATCH(4), SHARED_PATCH(20), IMPORT(6), REIMPORT(4), READ(0);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }

        /** A write of one record: the requests issue 15's latency bar is about. */
        public boolean singleRecordWrite() {
            return this != IMPORT && this != REIMPORT && this != READ;
        }

        public boolean write() {
            return this != READ;
        }
    }

    /** One request and its answer; {@code expected} false when the answer breaks the API's rules (a 500, a lost update ...). */
    public record Call(Op op, String what, Answer answer, boolean expected) {
    }

    /** {@code length} null: until {@link Load#stop()}. */
    public record Plan(int writers, int readers, Duration length, String run) {
    }

    /** Lines per imported file. */
    static final int IMPORT_LINES = 10;
    /** Records every writer patches, one per four writers. */
    static int sharedRecords(int writers) {
        return Math.max(2, writers / 4);
    }

    private Writers() {
    }

    /** A running load. */
    public static final class Load {
        final Plan plan;
        final Acknowledged acknowledged = new Acknowledged();
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();
        final List<List<Call>> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> sharedIds = new ArrayList<>();
        long startNanos;
        long endNanos;

        Load(Plan plan) {
            this.plan = plan;
        }

        public void stop() {
            stop.set(true);
        }

        /** Waits for every thread to finish its current request. */
        public Result await() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
            endNanos = System.nanoTime();
            List<Call> all = new ArrayList<>();
            calls.forEach(all::addAll);
            all.sort((a, b) -> Long.compare(a.answer().startNanos(), b.answer().startNanos()));
            return new Result(plan, all, acknowledged, startNanos, endNanos);
        }
    }

    /** Starts the load: creates the shared records, then the threads. */
    public static Load start(ServiceClient service, Plan plan) {
        Load load = new Load(plan);
        for (int i = 0; i < sharedRecords(plan.writers()); i++) {
            String key = "load-" + plan.run() + "-shared-" + i;
            ObjectNode body = LoadRecords.exchange(key, "shared", new Random(i));
            Answer a = service.post("/api/exchanges", "application/json", body.toString());
            if (a.status() != 201) {
                throw new IllegalStateException("cannot create a shared record: " + a.status() + " " + a.excerpt());
            }
            String id = a.json().path("id").asText();
            load.sharedIds.add(id);
            load.acknowledged.shared.put(id, new Acknowledged.Shared(id, a.json().path("version").asInt()));
        }
        load.startNanos = System.nanoTime();
        long deadline = plan.length() == null ? Long.MAX_VALUE : load.startNanos + plan.length().toNanos();
        for (int w = 0; w < plan.writers(); w++) {
            Writer writer = new Writer(load, service.another(), w, deadline);
            load.threads.add(new Thread(writer::run, "writer-" + w));
        }
        for (int r = 0; r < plan.readers(); r++) {
            Reader reader = new Reader(load, service.another(), r, deadline);
            load.threads.add(new Thread(reader::run, "reader-" + r));
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    /** One writer's record: what it last wrote and was told. */
    private static final class Own {
        final String key;
        final String id;
        int version;
        String notes;
        String status;

        Own(String key, String id, int version, String notes, String status) {
            this.key = key;
            this.id = id;
            this.version = version;
            this.notes = notes;
            this.status = status;
        }

        Acknowledged.Expected expected() {
            return new Acknowledged.Expected(key, id, version, notes, status);
        }
    }

    private static final class Writer {
        final Load load;
        final ServiceClient http;
        final int index;
        final long deadline;
        final Random random;
        final List<Call> calls = new ArrayList<>();
        final List<Own> own = new ArrayList<>();
        final List<String> importedFiles = new ArrayList<>();
        final int totalWeight;
        int n;

        Writer(Load load, ServiceClient http, int index, long deadline) {
            this.load = load;
            this.http = http;
            this.index = index;
            this.deadline = deadline;
            this.random = new Random(31L * index + load.plan.run().hashCode());
            int t = 0;
            for (Op op : Op.values()) {
                t += op.weight;
            }
            this.totalWeight = t;
            load.calls.add(calls);
        }

        void run() {
            while (!load.stop.get() && System.nanoTime() < deadline) {
                Op op = draw();
                n++;
                switch (op) {
                    case CREATE -> create();
                    case PATCH -> patch();
                    case PUT -> put();
                    case DELETE -> delete();
                    case STALE_PATCH -> stalePatch();
                    case SHARED_PATCH -> sharedPatch();
                    case IMPORT -> importFile();
                    case REIMPORT -> reimport();
                    case READ -> { }
                }
            }
        }

        Op draw() {
            int x = random.nextInt(totalWeight);
            for (Op op : Op.values()) {
                x -= op.weight;
                if (x < 0) {
                    boolean needsOwn = op == Op.PATCH || op == Op.PUT || op == Op.DELETE || op == Op.STALE_PATCH;
                    if (needsOwn && own.isEmpty() || op == Op.REIMPORT && importedFiles.isEmpty()) {
                        return Op.CREATE;
                    }
                    return op;
                }
            }
            return Op.CREATE;
        }

        String key() {
            return "load-" + load.plan.run() + "-w" + index + "-" + n;
        }

        void record(Op op, String what, Answer a, boolean expected) {
            calls.add(new Call(op, what, a, expected));
            if (a.failed()) {
                pause(a);
            }
        }

        void create() {
            String key = key();
            ObjectNode body = LoadRecords.exchange(key, "created by writer " + index, random);
            Answer a = http.post("/api/exchanges", "application/json", body.toString());
            if (a.status() == 201) {
                JsonNode v = a.json();
                Own o = new Own(key, v.path("id").asText(), v.path("version").asInt(), v.path("notes").asText(), v.path("status").asText());
                own.add(o);
                load.acknowledged.written(o.expected());
                record(Op.CREATE, key, a, true);
            } else {
                load.acknowledged.unknown(key);
                record(Op.CREATE, key, a, false);
            }
        }

        Own anyOwn() {
            return own.get(random.nextInt(own.size()));
        }

        /** A written record whose answer was not what the API promises: its state is unknown from now on. */
        void lose(Own o) {
            own.remove(o);
            load.acknowledged.unknown(o.key);
        }

        void patch() {
            Own o = anyOwn();
            ObjectNode patch = ServiceClient.JSON.createObjectNode().put("notes", "patched by writer " + index + " at " + n);
            if (random.nextInt(3) == 0) {
                patch.put("status", LoadRecords.pick(LoadRecords.STATUSES, random));
            }
            writeOver(o, Op.PATCH, "application/merge-patch+json", patch.toString());
        }

        void put() {
            Own o = anyOwn();
            ObjectNode body = LoadRecords.exchange(o.key, "replaced by writer " + index + " at " + n, random);
            writeOver(o, Op.PUT, "application/json", body.toString());
        }

        /** A PATCH or PUT over the version this writer holds: acknowledged only as the next version, else the record is lost to it. */
        void writeOver(Own o, Op op, String contentType, String body) {
            Answer a = http.send(op.name(), "/api/exchanges/" + o.id + "?reason=load", contentType, body, "\"" + o.version + "\"");
            if (a.status() == 200 && a.json().path("version").asInt() == o.version + 1) {
                JsonNode v = a.json();
                o.version = v.path("version").asInt();
                o.notes = v.path("notes").asText();
                o.status = v.path("status").asText();
                load.acknowledged.written(o.expected());
                record(op, o.key, a, true);
            } else {
                record(op, o.key + " If-Match \"" + o.version + "\"", a, false);
                lose(o);
            }
        }

        void delete() {
            Own o = anyOwn();
            Answer a = http.send("DELETE", "/api/exchanges/" + o.id + "?reason=load", null, null, null);
            own.remove(o);
            if (a.status() == 204) {
                load.acknowledged.deleted(o.key, o.id);
                record(Op.DELETE, o.key, a, true);
            } else {
                load.acknowledged.unknown(o.key);
                record(Op.DELETE, o.key, a, false);
            }
        }

        /** A PATCH based on a version the writer itself has overwritten: 412, or an update was lost. */
        void stalePatch() {
            Own o = own.stream().filter(x -> x.version > 0).findAny().orElse(null);
            if (o == null) {
                patch();
                return;
            }
            Answer a = http.send("PATCH", "/api/exchanges/" + o.id, "application/merge-patch+json",
                    "{\"notes\": \"stale write by writer " + index + "\"}", "\"" + (o.version - 1) + "\"");
            boolean refused = a.status() == 412 && a.contentType() != null && a.contentType().startsWith("application/problem+json");
            record(Op.STALE_PATCH, o.key + " If-Match \"" + (o.version - 1) + "\" at version " + o.version, a, refused);
            if (!refused) {
                lose(o);
            }
        }

        void sharedPatch() {
            String id = load.sharedIds.get(random.nextInt(load.sharedIds.size()));
            Acknowledged.Shared s = load.acknowledged.shared.get(id);
            Answer read = http.get("/api/exchanges/" + id);
            boolean readOk = read.status() == 200 && read.version() >= 0;
            record(Op.READ, "shared " + id, read, readOk);
            if (!readOk) {
                return;
            }
            int version = read.version();
            String notes = read.json().path("notes").asText("");
            if (notes.length() > 15_000) {
                return; // the notes limit is 20,000 characters
            }
            String token = "w" + index + "." + n;
            Answer a = http.send("PATCH", "/api/exchanges/" + id, "application/merge-patch+json",
                    ServiceClient.JSON.createObjectNode().put("notes", notes + " " + token).toString(), "\"" + version + "\"");
            if (a.status() == 200 && a.json().path("version").asInt() == version + 1) {
                s.accepted(version + 1, token);
                record(Op.SHARED_PATCH, id, a, true);
            } else if (a.status() == 412) {
                s.refused(version);
                record(Op.SHARED_PATCH, id, a, true);
            } else {
                if (a.failed() || a.ok()) {
                    s.uncertain = true; // it may have been written, or was written under a version not its own
                }
                if (a.ok()) {
                    s.accepted(a.json().path("version").asInt(), token);
                }
                record(Op.SHARED_PATCH, id + " If-Match \"" + version + "\"", a, false);
            }
        }

        void importFile() {
            StringBuilder file = new StringBuilder();
            List<Acknowledged.Expected> lines = new ArrayList<>();
            String base = key();
            for (int i = 0; i < IMPORT_LINES; i++) {
                String key = base + "-" + i;
                ObjectNode line = LoadRecords.exchange(key, "imported by writer " + index, random);
                file.append(line).append('\n');
                lines.add(new Acknowledged.Expected(key, null, 0, line.path("notes").asText(), line.path("status").asText()));
            }
            Answer a = http.post("/api/exchanges/import", "application/x-ndjson", file.toString());
            boolean ok = a.status() == 200 && a.json().path("created").asInt() == IMPORT_LINES;
            record(Op.IMPORT, base, a, ok);
            for (Acknowledged.Expected e : lines) {
                if (ok) {
                    load.acknowledged.written(e);
                } else {
                    load.acknowledged.unknown(e.key());
                }
            }
            if (ok) {
                importedFiles.add(file.toString());
            }
        }

        void reimport() {
            String file = importedFiles.get(random.nextInt(importedFiles.size()));
            Answer a = http.post("/api/exchanges/import", "application/x-ndjson", file);
            boolean ok = a.status() == 200 && a.json().path("unchanged").asInt() == IMPORT_LINES;
            record(Op.REIMPORT, "a file imported before", a, ok);
            if (!ok) {
                importedFiles.remove(file);
                file.lines().forEach(l -> {
                    try {
                        load.acknowledged.unknown(ServiceClient.JSON.readTree(l).path("key").asText());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    /**
     * After a failure a writer waits as a client should: Retry-After when the service sent one (at
     * most a second, so that a test sees the return of the database), else 50 ms, so that a
     * service failing fast is not met by a busy loop of thousands of requests.
     */
    static void pause(Answer a) {
        long millis = 50;
        if (a.retryAfter() != null) {
            try {
                millis = Math.min(1000, Long.parseLong(a.retryAfter().strip()) * 1000);
            } catch (NumberFormatException httpDate) {
                millis = 1000;
            }
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads while the writers write: a list page, the summary, a shared record. */
    private static final class Reader {
        final Load load;
        final ServiceClient http;
        final long deadline;
        final List<Call> calls = new ArrayList<>();
        final Random random;

        Reader(Load load, ServiceClient http, int index, long deadline) {
            this.load = load;
            this.http = http;
            this.deadline = deadline;
            this.random = new Random(index);
            load.calls.add(calls);
        }

        void run() {
            int i = 0;
            while (!load.stop.get() && System.nanoTime() < deadline) {
                String path = switch (i++ % 3) {
                    case 0 -> "/api/exchanges?limit=5&sort=-created";
                    case 1 -> "/api/stats/summary?status=draft,verified,rejected";
                    default -> "/api/exchanges/" + load.sharedIds.get(random.nextInt(load.sharedIds.size()));
                };
                Answer a = http.get(path);
                calls.add(new Call(Op.READ, path, a, a.status() == 200));
                if (a.failed()) {
                    pause(a);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
