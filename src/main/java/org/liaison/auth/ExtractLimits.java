package org.liaison.auth;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * POST /api/articles/extract needs no role, so anyone can make the service run the extractor:
 * its body is limited, and so is how often a client without a role may call it ({@link ExtractGate}).
 */
@ConfigMapping(prefix = "liaison.extract")
public interface ExtractLimits {

    /** The largest body taken (413 beyond); a long news article is under 100 KB of JSON. */
    @WithDefault("512K")
    MemorySize maxBodySize();

    /** Calls a client without a role may make per minute (per IP address), on average. */
    @WithDefault("30")
    int perMinute();

    /** Calls such a client may make at once before the average applies. */
    @WithDefault("10")
    int burst();
}
