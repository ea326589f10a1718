package org.liaison.article.extract.stage;

import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaison.article.extract.ArticleDoc;

/** A name after a form of address: "đồng chí Nguyễn Văn A", "ông Lý Văn B". */
public final class AddressedNames implements NameRecogniser {

    private static final Pattern ADDRESSED = Pattern.compile("(?:đồng chí|Đồng chí|ông|bà|Ông|Bà)\\s+(\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){1,3})");

    @Override
    public void propose(ArticleDoc doc, BiConsumer<String, Integer> candidate) {
        Matcher m = ADDRESSED.matcher(doc.folded().original);
        while (m.find()) {
            candidate.accept(m.group(1), m.start(1));
        }
    }
}
