package dev.rulec.ir.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Values worth trying for one field predicate: witnesses that satisfy it and near misses that almost do
 * (case variants, one character off, a prefix or suffix more or less, special characters, absence).
 * {@link MissingNode} stands for "field absent". Whether a value really satisfies the predicate is left to the matcher.
 */
final class Candidates {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String FILLER = "xY7 -\\\"*?é";

    private Candidates() {
    }

    static List<JsonNode> forLeaf(Expr leaf, Random rnd) {
        Set<JsonNode> out = new LinkedHashSet<>();
        if (leaf instanceof Expr.Match m) {
            literal(m.value(), m.caseMode(), rnd, out);
        } else if (leaf instanceof Expr.Keyword k) {
            strings(k.value(), k.caseMode(), rnd, out);
        } else if (leaf instanceof Expr.Exists) {
            out.add(TextNode.valueOf("x"));
        } else if (leaf instanceof Expr.Range r) {
            r.lower().ifPresent(b -> bound(b.value(), out));
            r.upper().ifPresent(b -> bound(b.value(), out));
        } else if (leaf instanceof Expr.Cidr c) {
            cidr(c.cidr(), out);
        } else if (leaf instanceof Expr.Regex re) {
            for (int i = 0; i < 3; i++) {
                RegexWitness.of(re.regex(), re.flags(), rnd).ifPresent(w -> {
                    out.add(TextNode.valueOf(w));
                    nearMisses(w, rnd).forEach(s -> out.add(TextNode.valueOf(s)));
                });
            }
        }
        out.add(MissingNode.getInstance());
        return new ArrayList<>(out);
    }

    private static void literal(Literal lit, CaseMode mode, Random rnd, Set<JsonNode> out) {
        if (lit instanceof Literal.Str s) {
            strings(s.pattern(), mode, rnd, out);
        } else if (lit instanceof Literal.Num n) {
            out.add(number(n.value()));
            out.add(TextNode.valueOf(n.text()));
            out.add(number(n.value().add(BigDecimal.ONE)));
            out.add(TextNode.valueOf("0" + n.text()));
        } else {
            boolean b = ((Literal.Bool) lit).value();
            out.add(F.booleanNode(b));
            out.add(F.booleanNode(!b));
            out.add(TextNode.valueOf(Boolean.toString(b)));
        }
    }

    private static JsonNode number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return F.numberNode(s.longValueExact());
        }
        return F.numberNode(v.doubleValue());
    }

    private static void strings(Pattern p, CaseMode mode, Random rnd, Set<JsonNode> out) {
        List<String> ws = new ArrayList<>();
        ws.add(fill(p, rnd, false));
        ws.add(fill(p, rnd, true));
        for (String w : new ArrayList<>(ws)) {
            ws.add(w.toUpperCase(Locale.ROOT));
            ws.add(w.toLowerCase(Locale.ROOT));
            ws.add(swapCase(w));
        }
        for (String w : ws) {
            out.add(TextNode.valueOf(w));
        }
        nearMisses(ws.get(0), rnd).forEach(s -> out.add(TextNode.valueOf(s)));
        out.add(TextNode.valueOf(p.toString()));
    }

    /** The pattern with its wildcards filled: empty runs, or random characters. */
    static String fill(Pattern p, Random rnd, boolean random) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                sb.append(t.text());
            } else if (part instanceof Pattern.AnyChar) {
                sb.append(FILLER.charAt(rnd.nextInt(FILLER.length())));
            } else if (random) {
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                    sb.append(FILLER.charAt(rnd.nextInt(FILLER.length())));
                }
            }
        }
        return sb.toString();
    }

    static String swapCase(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return sb.toString();
    }

    /** One character off, one more or less at either end, special characters inserted, case flipped, empty. */
    static List<String> nearMisses(String w, Random rnd) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("x" + w);
        out.add(w + "x");
        out.add(swapCase(w));
        if (!w.isEmpty()) {
            int i = rnd.nextInt(w.length());
            char c = w.charAt(i);
            if (!Character.isSurrogate(c)) {
                out.add(w.substring(0, i) + (char) (c == 'z' ? 'a' : c + 1) + w.substring(i + 1));
            }
            if (!Character.isSurrogate(w.charAt(w.length() - 1))) {
                out.add(w.substring(0, w.length() - 1));
            }
            if (!Character.isSurrogate(w.charAt(0))) {
                out.add(w.substring(1));
            }
            int j = rnd.nextInt(w.length() + 1);
            if (j == w.length() || !Character.isLowSurrogate(w.charAt(j))) {
                String special = String.valueOf("\"\\*? \n".charAt(rnd.nextInt(6)));
                out.add(w.substring(0, j) + special + w.substring(j));
            }
        }
        return out;
    }

    private static void bound(Literal v, Set<JsonNode> out) {
        if (v instanceof Literal.Num n) {
            BigDecimal x = n.value();
            out.add(number(x));
            out.add(number(x.add(BigDecimal.ONE)));
            out.add(number(x.subtract(BigDecimal.ONE)));
            out.add(number(x.add(new BigDecimal("0.5"))));
            out.add(TextNode.valueOf(n.text()));
        } else if (v instanceof Literal.Str s) {
            String t = s.pattern().literalText().orElse("");
            out.add(TextNode.valueOf(t));
            out.add(TextNode.valueOf(t + "a"));
            if (!t.isEmpty() && !Character.isSurrogate(t.charAt(t.length() - 1))) {
                out.add(TextNode.valueOf(t.substring(0, t.length() - 1)));
            }
        }
    }

    private static void cidr(String cidr, Set<JsonNode> out) {
        int slash = cidr.indexOf('/');
        String addr = slash < 0 ? cidr : cidr.substring(0, slash);
        if (addr.indexOf(':') < 0 && !addr.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return;
        }
        try {
            byte[] b = InetAddress.getByName(addr).getAddress();
            int prefix = slash < 0 ? b.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            out.add(TextNode.valueOf(InetAddress.getByAddress(b).getHostAddress()));
            byte[] inside = b.clone();
            inside[b.length - 1] ^= 1;
            out.add(TextNode.valueOf(InetAddress.getByAddress(inside).getHostAddress()));
            if (prefix > 0) {
                byte[] outside = b.clone();
                int bit = prefix - 1;
                outside[bit / 8] ^= (byte) (0x80 >> (bit % 8));
                out.add(TextNode.valueOf(InetAddress.getByAddress(outside).getHostAddress()));
            }
            out.add(TextNode.valueOf("not-an-ip"));
        } catch (UnknownHostException | NumberFormatException e) {
            // not an address: no candidates
        }
    }
}
