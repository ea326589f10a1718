package org.liaison.article.extract.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PersonNames;
import org.liaison.reference.ReferenceDataException;
import org.liaison.reference.TsvFile;

/**
 * Who leads a delegation, for a further exchange told of the delegation alone ("Ngày 13/7, đoàn đã làm việc với …",
 * "The next day the delegation held talks with …"): the report names the head once, where the visit begins ("đoàn …
 * do đồng chí A, Chủ tịch UBND tỉnh làm trưởng đoàn", "a delegation led by A"), and the later stops of the same trip
 * are that head's too. Wordings are rows of {@code extraction/titles.tsv}: {@code delegation} (the delegation as the
 * one acting), {@code delegation_head_before} / {@code delegation_head_after} (around the head's name).
 */
final class DelegationHeads {

    /** How far before (after) a name its "led by" ("làm trưởng đoàn") is looked for, titles included. */
    private static final int BEFORE = 60;
    private static final int AFTER = 140;

    private final List<Pattern> delegation = new ArrayList<>();
    private final List<Pattern> before = new ArrayList<>();
    private final List<Pattern> after = new ArrayList<>();

    DelegationHeads() {
        for (TsvFile.Row row : TsvFile.read(PersonNames.TITLES, 3, 3)) {
            List<Pattern> target = switch (row.cell(0)) {
                case "delegation" -> delegation;
                case "delegation_head_before" -> before;
                case "delegation_head_after" -> after;
                default -> null;
            };
            if (target == null) {
                continue; // PersonNames and PassingMentions read the other kinds
            }
            try {
                target.add(Pattern.compile("\\b(?:" + row.cell(2) + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw row.error("invalid pattern: " + e.getDescription());
            }
        }
        if (delegation.isEmpty() || before.isEmpty() || after.isEmpty()) {
            throw new ReferenceDataException(PersonNames.TITLES + ": rows of kind delegation, delegation_head_before and delegation_head_after are required");
        }
    }

    /** The folded text [from, to) tells of the delegation as the one acting. */
    boolean namesDelegation(ArticleDoc doc, int from, int to) {
        return any(delegation, doc.folded().text, from, to);
    }

    /** The mention is of the delegation's head: "led by" before it, or "làm trưởng đoàn" after it, in its sentence and before another name. */
    boolean heads(ArticleDoc doc, PersonMention p) {
        String t = doc.folded().text;
        int sentenceStart = doc.sentence(p.sentence()).start();
        int sentenceEnd = doc.sentence(p.sentence()).end();
        // up to the name before it and from the name after it, if nearer: the nearest end before, the nearest start after
        int from = Math.max(Math.max(sentenceStart, p.start() - BEFORE), doc.lastPersonEndAtOrBefore(p.start()));
        int to = Math.min(Math.min(sentenceEnd, p.end() + AFTER), doc.firstPersonStartAtOrAfter(p.end()));
        return any(before, t, from, p.start()) || any(after, t, p.end(), to);
    }

    private static boolean any(List<Pattern> patterns, String t, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (Pattern p : patterns) {
            Matcher m = p.matcher(t).region(from, to);
            if (m.find()) {
                return true;
            }
        }
        return false;
    }
}
