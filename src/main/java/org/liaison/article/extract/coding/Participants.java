package org.liaison.article.extract.coding;

import java.util.List;
import java.util.Map;
import org.liaison.article.extract.ExtractedExchange;
import org.liaison.article.extract.PersonMention;

/**
 * The participants of one exchange: the mentions taken ({@code chosen}, which places near them
 * act for), the participants by name in order, and the locality code each acts for, if any.
 */
record Participants(List<PersonMention> chosen, Map<String, ExtractedExchange.Participant> byName, Map<String, String> localities) {
}
