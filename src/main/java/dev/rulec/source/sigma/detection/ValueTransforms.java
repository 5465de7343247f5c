package dev.rulec.source.sigma.detection;

import dev.rulec.ir.Pattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** The value-transforming modifiers, each turning one value into its alternatives (matched as OR). */
final class ValueTransforms {

    /** Dash characters Windows command lines accept for {@code -} and {@code /} at the start of a flag. */
    static final List<String> WINDASH_CHARS = List.of("-", "/", "\u2013", "\u2014", "\u2015");

    /**
     * A flag character (any of {@link #WINDASH_CHARS}) at the start of a word, i.e. not preceded by a word character
     * and followed by one — where Windows reads it as a flag, and where the reference implementation varies it.
     */
    private static final java.util.regex.Pattern WINDASH_POS = java.util.regex.Pattern.compile(
            "\\B[-/\u2013\u2014\u2015]\\b", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /** More alternatives than this means the value is not what the author meant. */
    static final int MAX_ALTERNATIVES = 3125;

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("%([A-Za-z0-9_.\\-]+)%");

    private ValueTransforms() {
    }

    static Pattern contains(Pattern p) {
        return p.prepend(Pattern.ANY_STRING).append(Pattern.ANY_STRING);
    }

    static Pattern startsWith(Pattern p) {
        return p.append(Pattern.ANY_STRING);
    }

    static Pattern endsWith(Pattern p) {
        return p.prepend(Pattern.ANY_STRING);
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * The three encodings of {@code value} as it may sit inside a longer base64 text, at byte offsets 0, 1 and 2:
     * the characters influenced by neighbouring bytes are cut off.
     */
    static List<String> base64Offsets(byte[] value) {
        int[] start = {0, 2, 3};
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[value.length + i];
            java.util.Arrays.fill(shifted, 0, i, (byte) ' ');
            System.arraycopy(value, 0, shifted, i, value.length);
            String enc = base64(shifted);
            int cut = switch ((value.length + i) % 3) {
                case 0 -> 0;
                case 1 -> 3;
                default -> 2;
            };
            int end = enc.length() - cut;
            if (end > start[i]) {
                out.add(enc.substring(start[i], end));
            }
        }
        return out;
    }

    static byte[] utf16le(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] utf16be(String s) {
        return s.getBytes(StandardCharsets.UTF_16BE);
    }

    /** UTF-16 with a byte-order mark, little-endian (as Windows writes it). */
    static byte[] utf16(String s) {
        byte[] body = utf16le(s);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /** Every combination of dash characters at the flag positions of the pattern's text parts. */
    static List<Pattern> windash(Pattern p) {
        List<List<Pattern.Part>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (Pattern.Part part : p.parts()) {
            List<List<Pattern.Part>> options = part instanceof Pattern.Text t ? windashText(t.text()) : List.of(List.of(part));
            List<List<Pattern.Part>> next = new ArrayList<>();
            for (List<Pattern.Part> v : variants) {
                for (List<Pattern.Part> o : options) {
                    List<Pattern.Part> n = new ArrayList<>(v);
                    n.addAll(o);
                    next.add(n);
                }
            }
            variants = next;
            if (variants.size() > MAX_ALTERNATIVES) {
                return List.of();
            }
        }
        return variants.stream().map(Pattern::new).distinct().toList();
    }

    private static List<List<Pattern.Part>> windashText(String text) {
        List<String> out = new ArrayList<>();
        out.add("");
        Matcher m = WINDASH_POS.matcher(text);
        int last = 0;
        while (m.find()) {
            String before = text.substring(last, m.start());
            List<String> next = new ArrayList<>();
            for (String o : out) {
                for (String dash : WINDASH_CHARS) {
                    next.add(o + before + dash);
                }
            }
            out = next;
            last = m.end();
            if (out.size() > MAX_ALTERNATIVES) {
                break;
            }
        }
        String tail = text.substring(last);
        return out.stream().map(o -> List.<Pattern.Part>of(new Pattern.Text(o + tail))).toList();
    }

    /**
     * The pattern with each {@code %name%} in its text replaced by each of the name's values (every combination),
     * or the first unresolved name.
     */
    static Expansion expand(Pattern p, Map<String, List<String>> values) {
        List<Pattern> out = List.of(new Pattern(List.of()));
        for (Pattern.Part part : p.parts()) {
            List<Pattern> options = new ArrayList<>();
            if (part instanceof Pattern.Text t) {
                Matcher m = PLACEHOLDER.matcher(t.text());
                List<Pattern> acc = List.of(new Pattern(List.of()));
                int last = 0;
                while (m.find()) {
                    List<String> vals = values.get(m.group(1));
                    if (vals == null) {
                        return new Expansion(List.of(), Optional.of(m.group(1)));
                    }
                    String before = t.text().substring(last, m.start());
                    List<Pattern> next = new ArrayList<>();
                    for (Pattern a : acc) {
                        for (String v : vals) {
                            next.add(concat(concat(a, Pattern.literal(before)), SigmaStrings.parse(v)));
                        }
                    }
                    acc = next;
                    last = m.end();
                }
                String tail = t.text().substring(last);
                for (Pattern a : acc) {
                    options.add(concat(a, Pattern.literal(tail)));
                }
            } else {
                options.add(Pattern.of(part));
            }
            List<Pattern> next = new ArrayList<>();
            for (Pattern o : out) {
                for (Pattern opt : options) {
                    next.add(concat(o, opt));
                }
            }
            out = next;
        }
        return new Expansion(out.stream().distinct().toList(), Optional.empty());
    }

    record Expansion(List<Pattern> patterns, Optional<String> unresolved) {
    }

    private static Pattern concat(Pattern a, Pattern b) {
        List<Pattern.Part> l = new ArrayList<>(a.parts());
        l.addAll(b.parts());
        return new Pattern(l);
    }
}
