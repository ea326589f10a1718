package org.liaison;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "liaison")
public interface LiaisonConfig {

    /** Load the demo exchanges (the hand-coded development corpus) at start. */
    @WithDefault("false")
    boolean demoData();
}
