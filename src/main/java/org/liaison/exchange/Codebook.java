package org.liaison.exchange;

import java.util.List;

/** The closed value sets of the codebook's exchange fields (section 1), in the codebook's order. */
public final class Codebook {
    public static final List<String> PRECISIONS = List.of("day", "month", "year");
    public static final List<String> FORMATS = List.of("in_person", "online", "phone", "hybrid");
    public static final List<String> KINDS = List.of("talks", "meeting", "courtesy_call", "workshop", "signing", "other");
    public static final List<String> LEVELS = List.of("central", "locality");
    public static final List<String> STATUSES = List.of("draft", "verified", "rejected");
    public static final List<String> ROLES = List.of("participant", "venue", "mentioned");
    public static final List<String> SIDES = List.of("VN", "CN");
    public static final List<String> LANGUAGES = List.of("en", "vi", "zh");

    private Codebook() {
    }
}
