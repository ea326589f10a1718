package org.liaison.feed;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(description = "One article a feed named")
public record FeedItemView(
        @Schema(description = "The normalised URL: the article's identity and its exchanges' source") String url,
        @Schema(description = "The link as the feed gave it") String link,
        @Schema(nullable = true) String title,
        @Schema(nullable = true) LocalDate published,
        @Schema(enumeration = { "pending", "fetched", "failed" }) String status,
        @Schema(description = "Why the last attempt failed", nullable = true) String reason,
        int attempts,
        OffsetDateTime firstSeen,
        @Schema(nullable = true) OffsetDateTime fetchedAt,
        @Schema(description = "The next attempt; null: none (fetched, or given up)", nullable = true) OffsetDateTime nextAttemptAt,
        int exchangesDrafted,
        int reportsMerged) {
}
