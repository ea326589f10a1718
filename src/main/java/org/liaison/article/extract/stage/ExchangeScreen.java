package org.liaison.article.extract.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;
import org.liaison.article.extract.CueBook;
import org.liaison.article.extract.PersonMention;
import org.liaison.article.extract.PlaceMention;
import org.liaison.article.extract.RuleBook;
import org.liaison.article.extract.Sentence;

/**
 * Whether what a sentence tells is a Vietnam–China exchange held: not a message, a multilateral forum without a
 * bilateral meeting on its sidelines, an announcement or a meeting called off, a company's or an international
 * body's meeting, a meeting that prepares another, nor a third country's meeting.
 */
final class ExchangeScreen {

    /** "on the sidelines of" a multilateral event: a bilateral meeting there is an exchange. */
    private final Pattern sidelines;
    private final Pattern calledOff;
    private final Pattern heldAnyway;
    /** The future cues that are a verb ("will pay", "is scheduled to", "sẽ thăm"), not an adjective ("upcoming", "next"). */
    private final Pattern futureVerb;
    /** A verb of taking place in the future ("are expected to take place", "sẽ diễn ra"). */
    private final Pattern futureOccurs;
    /** A determiner right before a meeting word makes it a noun ("the talks", "buổi hội đàm"). */
    private final Pattern meetingNoun;

    private final CueBook cues;
    private final EncounterWords encounterWords;

    ExchangeScreen(CueBook cues, RuleBook rules, EncounterWords encounterWords) {
        this.cues = cues;
        this.encounterWords = encounterWords;
        this.sidelines = rules.pattern("encounters.sidelines");
        this.calledOff = rules.pattern("encounters.called_off");
        this.heldAnyway = rules.pattern("encounters.held_anyway");
        this.futureVerb = rules.pattern("encounters.future_verb");
        this.futureOccurs = rules.pattern("encounters.future_occurs");
        this.meetingNoun = rules.pattern("encounters.meeting_noun");
    }

    /**
     * A Vietnam–China encounter told by the first encounter sentences and the lead ({@code leadSentence}), not a
     * message, a multilateral forum, a company's visit or a third country's meeting.
     */
    boolean bilateral(ArticleDoc doc, List<Sentence> events, Sentence leadSentence) {
        StringBuilder leadText = new StringBuilder();
        for (int i = 0; i < Math.min(3, events.size()); i++) {
            leadText.append(events.get(i).folded()).append(' ');
        }
        String lead = leadText.toString();
        String title = doc.foldedTitle();
        String opening = doc.sentences().stream().limit(3).map(Sentence::folded).reduce("", String::concat);
        if ((cues.has("not_exchange", title) || cues.has("not_exchange", opening)) && !cues.has("meeting", title + " " + opening)) {
            return false;
        }
        if (cues.has("multilateral", lead) && !bilateralOnTheSidelines(doc, events)) {
            return false;
        }
        Sentence firstEvent = events.get(0);
        String first = firstEvent.folded();
        if (announced(first)) {
            return false;
        }
        if (businessOnly(doc, firstEvent) || preparatoryOnly(doc, firstEvent) || noCounterpartBody(doc, firstEvent)) {
            return false;
        }
        int lastLead = events.get(Math.min(events.size() - 1, 2)).index();
        boolean cn = false;
        boolean vn = false;
        for (PersonMention p : doc.persons()) {
            if (p.sentence() <= lastLead) {
                cn |= p.side().equals("CN");
                vn |= p.side().equals("VN");
            }
        }
        for (PlaceMention p : doc.places()) {
            if (!p.dateline() && p.sentence() <= lastLead) {
                cn |= p.locality().country().equals("CN");
                vn |= p.locality().country().equals("VN");
            }
        }
        cn |= cues.has("cn", lead);
        vn |= cues.has("vn", lead) || doc.language().equals("vi");
        if (cues.has("third_country", lead) && !cues.has("cn", lead)) {
            return false;
        }
        return cn && vn && counterpartNamed(doc, events, leadSentence);
    }

    /**
     * "On the sidelines of the expo, X met Y": a meeting there is bilateral when its own sentence has no other
     * country's or region's side and its counterpart is no company alone.
     */
    private boolean bilateralOnTheSidelines(ArticleDoc doc, List<Sentence> events) {
        for (Sentence s : events.subList(0, Math.min(3, events.size()))) {
            if (sidelines.matcher(s.folded()).find() && !cues.has("multilateral", s.folded()) && !businessOnly(doc, s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lead or the first encounter sentence (the next one when the first names nobody, as a photo caption) names a
     * Chinese party before the meeting's subject: "làm việc với Sở Ngoại vụ về hợp tác với tỉnh Hải Nam" and "worked
     * with the province on the progress of the gate ..." are meetings of one side about China. A Chinese person
     * anywhere in the sentence is a party.
     */
    private boolean counterpartNamed(ArticleDoc doc, List<Sentence> events, Sentence lead) {
        List<Sentence> opening = new ArrayList<>(List.of(lead, events.get(0)));
        if (doc.personsOf(events.get(0).index()).isEmpty() && events.size() > 1) {
            opening.add(events.get(1));
        }
        for (Sentence s : opening) {
            if (doc.personsOf(s.index()).stream().anyMatch(p -> p.side().equals("CN"))) {
                return true;
            }
            Matcher meeting = encounterWords.firstCue(s.folded());
            int from = meeting == null ? 0 : meeting.end();
            Matcher topic = cues.find("topic", s.folded().substring(from));
            int to = topic == null ? s.end() : s.start() + from + topic.start();
            if (encounterWords.sides(doc, s.start(), to)[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Announced, not held: "will hold talks" is no meeting held, unless a meeting is reported
     * besides. A future verb before the sentence's first meeting word governs it ("Li Qiang will
     * pay an official visit ..., after attending the leaders' meetings"): the meeting word is part
     * of what is announced; a meeting told before the future ("met ...; they will meet again") is held. A meeting
     * postponed or called off is not held either.
     */
    boolean announced(String folded) {
        if (calledOff.matcher(folded).find() && !heldAnyway.matcher(folded).find()) {
            return true; // "its annual talks with Chongzuo, scheduled for Tuesday, would be postponed"
        }
        Matcher future = cues.find("future", folded);
        if (future == null) {
            return false;
        }
        Matcher cue = encounterWords.firstCue(folded);
        if (cue != null && future.start() < cue.start() && futureVerb.matcher(future.group()).find()) {
            return true;
        }
        if (cue != null && futureOccurrence(folded, cue)) {
            return true;
        }
        return !encounterWords.cue(folded.replace(future.group(), ""));
    }

    /**
     * "The talks with Guangxi are expected to take place on January 15", "Hội nghị sẽ diễn ra ...": the meeting is the
     * noun subject of a verb of taking place in the future, with no clause break between. "X met Y; the next round will
     * take place in Beijing" tells a meeting held: its first meeting word is a verb, not a noun after a determiner.
     */
    private boolean futureOccurrence(String folded, Matcher cue) {
        Matcher occurs = futureOccurs.matcher(folded);
        if (!occurs.find(cue.end()) || folded.substring(cue.end(), occurs.start()).matches("(?s).*[;].*")) {
            return false;
        }
        return meetingNoun.matcher(folded.substring(Math.max(0, cue.start() - 40), cue.start())).find();
    }

    /**
     * "received President of the Asian Infrastructure Investment Bank (AIIB) Jin Liqun", "Đại sứ quán Trung Quốc ... gặp
     * mặt, chúc Tết cộng đồng người Trung Quốc": the counterpart is an international organisation or the host's own
     * community, not a body of the other side, whoever heads it; no Chinese place acts in the sentence.
     */
    private boolean noCounterpartBody(ArticleDoc doc, Sentence s) {
        if (cues.has("own_community", s.folded())) {
            return true;
        }
        return cues.has("international_body", s.folded())
                && doc.placesOf(s.index()).stream().noneMatch(p -> !p.dateline() && p.locality().country().equals("CN"))
                && !cues.has("cn", s.folded());
    }

    /**
     * The counterpart is a company or business delegation alone: a business word in the encounter
     * sentence and no Chinese person or place there that an authority's word stands beside.
     */
    boolean businessOnly(ArticleDoc doc, Sentence s) {
        if (!cues.has("business", s.folded())) {
            return false;
        }
        String t = doc.text();
        for (PersonMention p : doc.personsOf(s.index())) {
            if (p.side().equals("CN")
                    && cues.has("state_actor", t.substring(Math.max(s.start(), p.start() - 80), Math.min(s.end(), p.end() + 80)))) {
                return false;
            }
        }
        for (PlaceMention p : doc.placesOf(s.index())) {
            if (!p.dateline() && p.locality().country().equals("CN")
                    && cues.has("state_actor", t.substring(Math.max(s.start(), p.start() - 30), Math.min(s.end(), p.end() + 40)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A meeting that prepares another ("chaired a meeting with provincial departments to prepare for the visit of a
     * Guangxi delegation"): no Chinese person or place named before the words of preparation, so the Chinese side is
     * only what is prepared for. "Held talks with the Chinese ambassador to prepare for the visit" names one before.
     */
    boolean preparatoryOnly(ArticleDoc doc, Sentence s) {
        Matcher prep = cues.find("preparatory", s.folded());
        if (prep == null) {
            return false;
        }
        int at = s.start() + prep.start();
        return !encounterWords.sides(doc, s.start(), at)[0];
    }

    /** A meeting with another country's side and no Chinese one ("talks with Laos's Phongsaly province"). */
    boolean thirdCountryOnly(ArticleDoc doc, Sentence s) {
        return cues.has("third_country", s.folded()) && !encounterWords.sides(doc, s.start(), s.end())[0];
    }
}
