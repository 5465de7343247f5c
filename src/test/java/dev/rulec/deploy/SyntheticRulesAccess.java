package dev.rulec.deploy;

public final class SyntheticRulesAccess {
    public static Object rule(int i) {
        return SyntheticRules.rule(i);
    }
}
