package dev.rulec.docs;

import dev.rulec.model.Value;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Investigation-guide placeholders of detection-rules transforms ({@code $investigate_0}, {@code $osquery_1}) in
 * words: Kibana turns them into buttons, a static page names what the button would open. Unknown placeholders stay.
 */
final class TransformText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(investigate|osquery)_(\\d+)");

    private TransformText() {
    }

    static String expand(String note, Value.Obj transform, Messages m) {
        if (transform.isEmpty() || note.indexOf('$') < 0) {
            return note;
        }
        Matcher x = PLACEHOLDER.matcher(note);
        StringBuilder out = new StringBuilder();
        while (x.find()) {
            String replacement = x.group();
            Value entries = transform.fields().get(x.group(1));
            int index = Integer.parseInt(x.group(2));
            if (entries instanceof Value.Arr && index < ((Value.Arr) entries).items().size()) {
                Value entry = ((Value.Arr) entries).items().get(index);
                Value label = entry instanceof Value.Obj ? ((Value.Obj) entry).fields().get("label") : null;
                if (label instanceof Value.Str) {
                    replacement = "*" + MarkdownWriter.escape(m.get("transform." + x.group(1),
                            ((Value.Str) label).value())) + "*";
                }
            }
            x.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return x.appendTail(out).toString();
    }
}
