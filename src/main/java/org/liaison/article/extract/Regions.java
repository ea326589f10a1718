package org.liaison.article.extract;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What searching a pattern within a region of the text allows to skip. With transparent bounds, a match that lies
 * inside a region is also a match inside any region holding it, unless the pattern anchors at a bound ({@code ^},
 * {@code $}, {@code \A}, {@code \z}, {@code \Z}, {@code \G}) or commits to a path (an atomic group, a possessive
 * quantifier) that a shorter region can cut. For such patterns "no match in the wide region" settles every region
 * within it, and the leftmost match in the wide region starts no later than any match within a part of it: a long
 * article is then searched once for a wording instead of once per sentence.
 */
public final class Regions {

    /**
     * Anchors and committing constructs as they are written in a pattern's source ({@code [^…]} is a class, not an anchor;
     * an escaped or bracketed {@code $} counts too: that only costs the skip).
     */
    private static final Predicate<String> BOUND_SENSITIVE = Pattern.compile("\\$|(?<!\\[)\\^|\\\\[AzZG]|\\(\\?>|[+*?}]\\+").asPredicate();

    private Regions() {
    }

    /** Whether a match of {@code p} within a region stays a match within every wider region (see the class comment). */
    public static boolean widenable(Pattern p) {
        return !BOUND_SENSITIVE.test(p.pattern());
    }
}
