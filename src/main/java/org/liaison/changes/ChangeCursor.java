package org.liaison.changes;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;
import org.liaison.web.ProblemException;

/**
 * A position in the change feed: the last change a client has seen, as (data version of its
 * commit, exchange id), the change log's primary key. Versions are taken at commit one after the
 * other and never reused, so "every change after this key" misses nothing and repeats nothing.
 * Clients get it as an opaque string (base64url of a format byte, the version and the id): they
 * store it and send it back, and the service is free to change what is inside.
 */
public record ChangeCursor(long version, UUID exchangeId) {

    /** Before every change: a feed read without {@code after}. */
    public static final ChangeCursor START = new ChangeCursor(0, new UUID(0, 0));

    /** The first byte of an encoded cursor; another layout would take another value. */
    private static final byte FORMAT = 1;
    private static final int BYTES = 1 + Long.BYTES + 2 * Long.BYTES;

    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).put(FORMAT).putLong(version)
                .putLong(exchangeId.getMostSignificantBits()).putLong(exchangeId.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The cursor a client sent in {@code parameter}; a 400 naming it when it is none of ours. */
    public static ChangeCursor parse(String parameter, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != BYTES || bytes[0] != FORMAT) {
            throw ProblemException.invalidParameter(parameter, text, "is not a cursor of this feed: send back the 'next' "
                    + "of an earlier answer as it was, or leave the parameter out to read from the first change");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, BYTES - 1);
        long version = b.getLong();
        UUID id = new UUID(b.getLong(), b.getLong());
        if (version < 0) {
            throw ProblemException.invalidParameter(parameter, text, "is not a cursor of this feed (a negative position)");
        }
        return new ChangeCursor(version, id);
    }
}
