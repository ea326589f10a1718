package org.liaison.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The NDJSON body of an import by a caller without the reviewer role: the same lines, refused
 * (403) at the first one that states a review status. An import replaces a stored record's
 * status with the one a line states (a line without one keeps it), and the stored record is
 * not known while the body is read, so an editor's file states none: new records are drafts,
 * stored ones keep their verdict. Lines are passed on as read, each ended by '\n' (the ends the
 * importer itself splits on, so its line numbers are these); a line that is not JSON is left to
 * the importer to report.
 */
public final class StatusFreeImport extends Reader {

    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedReader in;
    private final SecurityContext caller;
    private String pending = "";
    private int at;
    private int line;

    private StatusFreeImport(Reader in, SecurityContext caller) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        this.caller = caller;
    }

    /** {@code body} as it is for a reviewer, checked line by line for anyone else. */
    public static Reader of(Reader body, SecurityContext caller) {
        return StatusChange.mayReview(caller) ? body : new StatusFreeImport(body, caller);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (at == pending.length()) {
            String next = in.readLine();
            if (next == null) {
                return -1;
            }
            line++;
            if (statesStatus(line == 1 && next.startsWith("\uFEFF") ? next.substring(1) : next)) {
                throw new RoleRequired("Line " + line + " states a status: an import that sets review statuses needs the "
                        + "reviewer role; " + Roles.describe(caller) + ". Leave \"status\" out (new records are drafts, stored "
                        + "ones keep theirs), e.g. jq -c 'del(.status)'; nothing was imported");
            }
            pending = next + '\n';
            at = 0;
        }
        int n = Math.min(length, pending.length() - at);
        pending.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
    }

    /** A top-level "status" that is not null. */
    static boolean statesStatus(String line) {
        if (!line.contains("status")) {
            return false; // the common case, without parsing
        }
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("status".equals(name) && value != JsonToken.VALUE_NULL) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false; // not JSON: the importer names the line and the error
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
