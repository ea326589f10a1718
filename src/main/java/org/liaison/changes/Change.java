package org.liaison.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.liaison.exchange.ExchangeView;

/**
 * One entry of the change feed: an exchange a committed write created, updated or deleted.
 * The body is the record as it is when the feed is read, not as the change left it (the service
 * keeps no old versions): a record changed three times shows its latest body three times, and a
 * mirror that keeps the highest {@code version} it has seen ends up with the same record.
 */
@RegisterForReflection
@Schema(description = "A change: created, updated or deleted (a tombstone, without exchange)")
public record Change(
        @Schema(description = "The position just after this change: resume from here with ?after=") String cursor,
        @Schema(description = "The exchange's id") UUID id,
        @Schema(description = "created, updated or deleted", enumeration = { "created", "updated", "deleted" }) String change,
        @Schema(description = "The record's version (its ETag) as of this answer; for a record deleted since, the version it "
                + "had when it was deleted", nullable = true) Integer version,
        @Schema(description = "When the write that made the change began") OffsetDateTime changedAt,
        @Schema(description = "The record as GET /api/exchanges/{id} answers it now; absent for a delete, and for a created "
                + "or updated record deleted since (its tombstone comes later in the feed)", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) ExchangeView exchange) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
}
