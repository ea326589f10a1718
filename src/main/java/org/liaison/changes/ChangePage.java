package org.liaison.changes;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the change feed. */
@RegisterForReflection
public record ChangePage(
        @Schema(description = "The changes after the cursor, in commit order") List<Change> items,
        @Schema(description = "The page size asked for (or the default)") int limit,
        @Schema(description = "The cursor to send as ?after= next: after the last item, or the cursor sent when there "
                + "was nothing new; never null") String next,
        @Schema(description = "Whether more changes follow right away (false: caught up; poll again later)") boolean more) {
}
