package dev.rulec.pipeline;

import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sysmon's {@code User} (DOMAIN\name) onto {@code user.domain} and {@code user.name}: the shapes rules use. */
class JoinedFieldTest {

    private static final JoinedField USER = new JoinedField("user.domain", "user.name", "\\");
    private static final CaseMode CI = CaseMode.INSENSITIVE;

    private static Expr m(String field, Pattern p) {
        return new Expr.Match(field, new Literal.Str(p), CI);
    }

    private static Pattern contains(String s) {
        return Pattern.of(Pattern.ANY_STRING, new Pattern.Text(s), Pattern.ANY_STRING);
    }

    @Test
    void wholeValueBecomesOneMatchPerPart() {
        assertEquals(Optional.of(Expr.and(m("user.domain", Pattern.literal("NT AUTHORITY")),
                m("user.name", Pattern.literal("SYSTEM")))), USER.match(Pattern.literal("NT AUTHORITY\\SYSTEM"), CI).expr());
    }

    @Test
    void containsWithoutSeparatorIsInEitherPart() {
        Expr inName = Expr.and(new Expr.Exists("user.domain"), m("user.name", contains("AUTHORI")));
        Expr inDomain = Expr.and(m("user.domain", contains("AUTHORI")), new Expr.Exists("user.name"));
        assertEquals(Optional.of(Expr.or(inName, inDomain)), USER.match(contains("AUTHORI"), CI).expr());
    }

    @Test
    void endsWithSeparatorAndNameIsTheName() {
        Pattern p = Pattern.of(Pattern.ANY_STRING, new Pattern.Text("\\SYSTEM"));
        assertEquals(Optional.of(Expr.and(new Expr.Exists("user.domain"), m("user.name", Pattern.literal("SYSTEM")))),
                USER.match(p, CI).expr());
    }

    @Test
    void patternsThatCanNeverMatchAreRefusedWithTheReason() {
        assertEquals("[SYSTEM] has no separator [\\] and no wildcard, but a [user.domain]\\[user.name] value always"
                + " holds the separator, so it can never match", USER.match(Pattern.literal("SYSTEM"), CI).reason());
        assertEquals("[a\\\\b\\\\c] holds the separator [\\] 2 times, but a [user.domain]\\[user.name] value holds it"
                + " exactly once, so it can never match", USER.match(Pattern.literal("a\\b\\c"), CI).reason());
    }
}
