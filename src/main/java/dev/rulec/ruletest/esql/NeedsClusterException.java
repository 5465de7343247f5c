package dev.rulec.ruletest.esql;

/** The query uses a construct outside the interpreted subset: only a real cluster ({@code --es}) can run it. */
public final class NeedsClusterException extends RuntimeException {
    public NeedsClusterException(String construct) {
        super(construct);
    }
}
