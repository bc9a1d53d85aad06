package dev.prharness.review;

import java.util.List;
import java.util.Set;

/**
 * Rules of different linters that flag the same problem: when both fire on one line, it is one comment that
 * names both. Kept small on purpose; a pair belongs here only when the two always mean the same thing.
 */
public final class EquivalentRules {

    private static final List<Set<String>> PAIRS = List.of(
            Set.of("StringLiteralEquality", "UseEqualsToCompareStrings"),
            Set.of("EqualsHashCode", "OverrideBothEqualsAndHashcode"),
            Set.of("EmptyStatement", "EmptyControlStatement"),
            Set.of("FallThrough", "ImplicitSwitchFallThrough"),
            Set.of("SimplifyBooleanReturn", "SimplifyBooleanReturns"));

    /**
     * Pairs about a whole declaration, which the two linters place on different lines of it: Checkstyle on its
     * first annotation, PMD on its name. Found on real history: {@code @Override} above {@code equals} gave two
     * comments a line apart for one missing {@code hashCode()}.
     */
    private static final List<Set<String>> DECLARATION_PAIRS = List.of(
            Set.of("EqualsHashCode", "OverrideBothEqualsAndHashcode"));

    /** How far apart two linters may place a finding about one declaration (its annotations and modifiers). */
    static final int DECLARATION_SPAN = 5;

    private EquivalentRules() {}

    public static boolean same(String a, String b) {
        return a != null && b != null && (a.equals(b) || PAIRS.stream().anyMatch(p -> p.contains(a) && p.contains(b)));
    }

    /** Whether {@code a} and {@code b} are two linters' names for one problem of a whole declaration. */
    static boolean sameDeclaration(String a, String b) {
        return a != null && b != null && !a.equals(b)
                && DECLARATION_PAIRS.stream().anyMatch(p -> p.contains(a) && p.contains(b));
    }
}
