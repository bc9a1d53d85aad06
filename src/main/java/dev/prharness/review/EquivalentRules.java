package dev.prharness.review;

import java.util.List;
import java.util.Set;

/**
 * Rules of different linters that flag the same problem: when both fire on one line, it is one comment that
 * names both. Kept small on purpose; a pair belongs here only when the two always mean the same thing.
 */
final class EquivalentRules {

    private static final List<Set<String>> PAIRS = List.of(
            Set.of("StringLiteralEquality", "UseEqualsToCompareStrings"),
            Set.of("EqualsHashCode", "OverrideBothEqualsAndHashcode"),
            Set.of("EmptyStatement", "EmptyControlStatement"),
            Set.of("FallThrough", "ImplicitSwitchFallThrough"),
            Set.of("SimplifyBooleanReturn", "SimplifyBooleanReturns"));

    private EquivalentRules() {}

    static boolean same(String a, String b) {
        return a != null && b != null && (a.equals(b) || PAIRS.stream().anyMatch(p -> p.contains(a) && p.contains(b)));
    }
}
