package org.liaison.article.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.reference.TsvFile;

/**
 * The extractor's cue patterns ({@code extraction/cues.tsv}) by category. A cue may take in the text of a named rule
 * of {@code rules.tsv} as {@code ${name}}, so that a wording both files need is said once (the close of talks).
 */
public final class CueBook {

    public static final String FILE = "extraction/cues.tsv";

    private final Map<String, List<Pattern>> byCategory = new LinkedHashMap<>();

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)\\}");

    public CueBook(RuleBook rules) {
        this(FILE, rules);
    }

    /** The cues of another file (tests). */
    CueBook(String file, RuleBook rules) {
        for (TsvFile.Row row : TsvFile.read(file, 2, 2)) {
            try {
                byCategory.computeIfAbsent(row.cell(0), k -> new ArrayList<>())
                        .add(Pattern.compile(expand(row, rules), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern: " + e.getDescription());
            }
        }
        for (String required : List.of("meeting", "talks", "courtesy_call", "workshop", "signing", "meeting_kind", "working_session", "online",
                "phone", "hybrid", "not_exchange", "multilateral", "future", "preparatory", "background", "earlier", "another_day", "named_event", "present", "venue_before",
                "authority", "not_authority", "cn", "vn", "topic")) {
            if (!byCategory.containsKey(required)) {
                throw new org.liaison.reference.ReferenceDataException(file + ": no pattern of category '" + required + "'");
            }
        }
    }

    /** The row's pattern with each {@code ${name}} replaced by the text of that rule; a name no rule has stops startup. */
    private static String expand(TsvFile.Row row, RuleBook rules) {
        Matcher m = REFERENCE.matcher(row.cell(1));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!rules.has(name)) {
                throw row.error("'" + m.group() + "' names no rule of " + rules.file());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rules.pattern(name).pattern()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The first match of any pattern of the category in {@code s} from {@code from}, or null. */
    public Matcher find(String category, String s) {
        Matcher best = null;
        for (Pattern p : byCategory.getOrDefault(category, List.of())) {
            Matcher m = p.matcher(s);
            if (m.find() && (best == null || m.start() < best.start())) {
                best = m;
            }
        }
        return best;
    }

    /** The patterns of a category, in the file's order (empty for a category the file lacks). */
    public List<Pattern> patterns(String category) {
        return byCategory.getOrDefault(category, List.of());
    }

    /** Whether any pattern of the category occurs in {@code s} (the first that does settles it; no need to find the earliest). */
    public boolean has(String category, String s) {
        for (Pattern p : byCategory.getOrDefault(category, List.of())) {
            if (p.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }
}
