package dev.rulec.docs;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Labels and fixed text of one language, from {@code docs/messages_<locale>.properties} (UTF-8). Every text goes
 * through {@link MessageFormat}, so a literal apostrophe is written {@code ''} in the bundles.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final DocLanguage lang;
    private final ResourceBundle bundle;
    /** Parsed patterns by key: a page asks for the same few dozen texts thousands of times. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(DocLanguage lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    public static Messages of(DocLanguage lang) {
        return new Messages(lang, ResourceBundle.getBundle("docs/messages", lang.locale(), NO_FALLBACK));
    }

    public DocLanguage lang() {
        return lang;
    }

    /** The text for {@code key} with its arguments; a missing key is a bug (bundles are checked by a test). */
    public String get(String key, Object... args) {
        MessageFormat f = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), lang.locale()));
        synchronized (f) {
            return f.format(args);
        }
    }

    /** The text for an optional key (tables such as tag or tactic names that cover only known values). */
    public Optional<String> find(String key, Object... args) {
        return bundle.containsKey(key) ? Optional.of(get(key, args)) : Optional.empty();
    }

    /** Joins list parts with the language's separator ({@code ", "} / {@code "、"}). */
    public String join(List<String> parts) {
        return String.join(bundle.getString("list.separator"), parts);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    @Override
    public String toString() {
        return "Messages[" + lang.tag() + "]";
    }

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    /** A bundle key part for free text: {@code Data Source} → {@code data_source}. */
    static String keyOf(String s) {
        return NON_WORD.matcher(s.trim().toLowerCase(Locale.ROOT)).replaceAll("_");
    }
}
