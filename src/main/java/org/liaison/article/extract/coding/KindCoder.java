package org.liaison.article.extract.coding;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.ClauseScope;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.MainScope;
import org.liaison.article.extract.Passage;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Scope;

/**
 * The kind (codebook 1.1) from the exchange's own encounter clause (its focus): the first kind cue there in
 * the order workshop, talks, courtesy call, signing, ceremony (other), meeting. Only when the focus says no
 * more than "met" does the main exchange's next encounter sentence decide ("… met. The two sides held
 * talks"): a cue further away belongs to another event of the article more often than to this one.
 */
final class KindCoder {

    /** Cue categories in the order they win; "meeting_kind" codes as meeting. */
    private static final List<String> KINDS = List.of("workshop", "talks", "courtesy_call", "signing", "ceremony", "meeting_kind");
    /** What the next sentence may tell when the focus says only "met" or nothing: a ceremony there is another event. */
    private static final List<String> SPECIFIC_AFTER = List.of("workshop", "talks", "courtesy_call", "signing");
    private static final List<String> SPECIFIC_AFTER_MEETING = List.of("workshop", "talks", "courtesy_call");
    /** After a working session, the host who "welcomed the delegation" next is part of it, not a courtesy call. */
    private static final List<String> SPECIFIC_AFTER_WORKING_SESSION = List.of("workshop", "talks");

    private final CueBook cues;
    /** "ngay sau phiên bế mạc hội thảo,", "shortly after the closing of the workshop,": when, by another event's word. */
    private final Pattern afterEvent;

    KindCoder(CueBook cues, RuleBook rules) {
        this.cues = cues;
        this.afterEvent = rules.pattern("kinds.after_event");
    }

    String code(ArticleDoc doc, Scope scope, List<ExtractedExchange.Evidence> evidence) {
        Passage focus = new Passage(doc.folded()).span(scope.focusStart(), scope.focusEnd());
        Matcher marker = scope instanceof ClauseScope ? cues.find("earlier", focus.text()) : null;
        int afterMarker = marker == null ? -1 : focus.docOffset(marker.end());
        if (afterMarker >= 0) {
            // "Sau hội đàm, ... đã ký Bản ghi nhớ", "Following the talks, ... signed": the marker names the meeting before
            focus = new Passage(doc.folded()).span(afterMarker, scope.focusEnd());
        }
        Matcher when = scope instanceof ClauseScope ? afterEvent.matcher(focus.text()) : null;
        if (when != null && when.find() && focus.docOffset(when.end()) >= 0 && !meetingBefore(focus.text(), when.start())) {
            // "Chiều 9/10, ngay sau phiên bế mạc hội thảo, ông X đã hội đàm ...": the workshop only says when; the talks are the kind
            focus = new Passage(doc.folded()).span(focus.docOffset(when.end()), scope.focusEnd());
        }
        focus = beforePurpose(doc, focus);
        int before = evidence.size();
        if (firstKind(doc, focus, List.of("phone"), evidence) != null) {
            return "talks"; // "đã điện đàm với ..., thống nhất nội dung hội thảo": a phone conversation is talks (codebook 1.1)
        }
        String kind = firstKind(doc, focus, KINDS, evidence);
        if (kind != null && !kind.equals("meeting_kind")) {
            return code(kind);
        }
        // the encounter's own clause names no specific kind: the next encounter sentence may ("... arrived. The two sides held talks")
        Passage next = next(doc, scope);
        if (next != null) {
            // after a clause that names a meeting or conference, the sides signing its minutes or a plan close that meeting:
            // its main business was not the signing (codebook 1.1)
            List<String> after = kind == null ? SPECIFIC_AFTER
                    : cues.has("working_session", focus.text()) ? SPECIFIC_AFTER_WORKING_SESSION : SPECIFIC_AFTER_MEETING;
            String specific = firstKind(doc, next, after, evidence);
            if (specific != null) {
                if (kind != null) {
                    evidence.remove(before); // the focus's "met" is not the evidence of the kind coded
                }
                return code(specific);
            }
        }
        if (kind != null) {
            return code(kind);
        }
        return cues.has("meeting", focus.text()) || next != null && cues.has("meeting", next.text()) ? "meeting" : "other";
    }

    /**
     * "đã họp trực tuyến cấp vụ để chuẩn bị nội dung cuộc hội đàm", "met to prepare for the talks": after the clause's
     * first meeting word, a purpose names another meeting, not this one's kind.
     */
    private Passage beforePurpose(ArticleDoc doc, Passage focus) {
        String t = focus.text();
        Matcher meeting = cues.find("meeting", t);
        if (meeting == null) {
            return focus;
        }
        Matcher purpose = cues.find("preparatory", t.substring(meeting.end()));
        int from = focus.docOffset(0);
        int to = purpose == null ? -1 : focus.docOffset(meeting.end() + purpose.start() - 1);
        return from < 0 || to < 0 ? focus : new Passage(doc.folded()).span(from, to + 1);
    }

    /** A meeting word of the clause before {@code at}: the clause's own encounter is told before the other event's word. */
    private boolean meetingBefore(String text, int at) {
        Matcher m = cues.find("meeting", text);
        return m != null && m.start() < at;
    }

    private String firstKind(ArticleDoc doc, Passage text, List<String> kinds, List<ExtractedExchange.Evidence> evidence) {
        for (String k : kinds) {
            Matcher m = cues.find(k, text.text());
            if (m != null) {
                evidence.add(doc.evidence("kind", text, m));
                return k;
            }
        }
        return null;
    }

    private static String code(String category) {
        return category.equals("meeting_kind") ? "meeting" : category.equals("ceremony") ? "other" : category;
    }

    /** For the main exchange, the next encounter sentence after its focus sentence, or null. */
    private Passage next(ArticleDoc doc, Scope scope) {
        if (!(scope instanceof MainScope main)) {
            return null;
        }
        return main.sentences().stream().filter(c -> c.index() > main.focusSentence() && cues.has("meeting", c.folded()))
                .findFirst().map(c -> new Passage(doc.folded()).span(c)).orElse(null);
    }
}
