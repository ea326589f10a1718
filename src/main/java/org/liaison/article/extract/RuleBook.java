package org.liaison.article.extract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.reference.ReferenceDataException;
import org.liaison.reference.TsvFile;

/**
 * The stages' named wording rules ({@code extraction/rules.tsv}): one Java regular expression per
 * name, compiled once, with its flags inline ({@code (?s)}). A rule may take in the text of a rule
 * defined above it as {@code ${name}} (the month names in the date shapes). A bad pattern, a
 * duplicate name or a reference to no rule above stops startup with {@code file:line: reason};
 * each stage asks for its rules when it is built, so a rule the file lacks stops the extractor's
 * construction.
 */
public final class RuleBook {

    public static final String FILE = "extraction/rules.tsv";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*(\\.[a-z0-9_]+)+");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)\\}");

    private final String file;
    private final Map<String, Pattern> rules = new LinkedHashMap<>();

    public RuleBook() {
        this(FILE);
    }

    /** The rules of another file (tests). */
    public RuleBook(String file) {
        this.file = file;
        Map<String, Integer> lines = new HashMap<>();
        for (TsvFile.Row row : TsvFile.read(file, 2, 2)) {
            String name = row.cell(0);
            String source = row.cells()[1];
            if (!NAME.matcher(name).matches()) {
                throw row.error("rule name '" + name + "' is not of the form group.name (lower case, dot-separated)");
            }
            if (lines.containsKey(name)) {
                throw row.error("duplicate rule '" + name + "' (first at line " + lines.get(name) + ")");
            }
            if (source.isBlank()) {
                throw row.error("rule '" + name + "' has no pattern");
            }
            if (!source.equals(source.strip())) {
                throw row.error("the pattern of '" + name + "' starts or ends with white space; write a space there as [ ] or \\s");
            }
            try {
                rules.put(name, Pattern.compile(expand(row, source)));
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern for '" + name + "': " + e.getDescription() + " near index " + e.getIndex());
            }
            lines.put(name, row.line());
        }
    }

    /** {@code ${name}} replaced by the text of that rule (one defined above). */
    private String expand(TsvFile.Row row, String source) {
        Matcher m = REFERENCE.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Pattern ref = rules.get(m.group(1));
            if (ref == null) {
                throw row.error("'" + m.group() + "' names no rule defined above it");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(ref.pattern()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The file the rules were read from. */
    public String file() {
        return file;
    }

    /** Whether the file defines rule {@code name}. */
    public boolean has(String name) {
        return rules.containsKey(name);
    }

    /** The compiled rule {@code name}; a name the file lacks stops startup. */
    public Pattern pattern(String name) {
        Pattern p = rules.get(name);
        if (p == null) {
            throw new ReferenceDataException(file + ": no rule '" + name + "', which the extractor needs");
        }
        return p;
    }
}
