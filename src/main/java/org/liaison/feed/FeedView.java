package org.liaison.feed;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(description = "A watched feed and how its polling goes")
public record FeedView(
        UUID id,
        @Schema(description = "The feed's URL (normalised)") String url,
        @Schema(enumeration = { "rss", "atom", "listing" }) String kind,
        @Schema(description = "Listing pages: a regular expression the article links contain", nullable = true) String linkPattern,
        @Schema(description = "The outlet named on the drafts' sources") String outlet,
        @Schema(description = "en or vi: the articles' language when a page does not state it; null: detected", nullable = true)
        String language,
        @Schema(description = "ISO-8601 duration, 5 minutes to 7 days", example = "PT1H") String pollInterval,
        @Schema(description = "false: not polled") boolean active,
        OffsetDateTime createdAt,
        @Schema(description = "When it is polled next (sooner after an error, with back-off)") OffsetDateTime nextPollAt,
        @Schema(nullable = true) OffsetDateTime lastPollAt,
        @Schema(nullable = true) OffsetDateTime lastSuccessAt,
        @Schema(description = "The last error of the feed or of one of its articles, with its reason", nullable = true)
        String lastError,
        @Schema(nullable = true) OffsetDateTime lastErrorAt,
        @Schema(description = "Failed polls in a row (0 after a success)") int errorCount,
        @Schema(description = "Article URLs this feed brought in (each fetched once)") int itemsSeen,
        int itemsFetched,
        @Schema(description = "Not fetched yet") int itemsPending,
        @Schema(description = "Last attempt failed (retried with back-off, or given up): GET /api/feeds/{id}/items") int itemsFailed,
        @Schema(description = "Exchanges created as drafts from its articles") int exchangesDrafted,
        @Schema(description = "Reports merged into exchanges already known (as a further source)") int reportsMerged) {
}
