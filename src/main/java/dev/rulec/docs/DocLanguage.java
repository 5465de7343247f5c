package dev.rulec.docs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages rulec writes pages in; each has a message bundle {@code docs/messages_<locale>.properties}. */
public enum DocLanguage {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    DocLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** BCP 47 tag, also the output folder name. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code en}, {@code en-US} → EN; {@code zh-CN}, {@code zh_CN}, {@code zh-Hans} → ZH_CN. */
    public static Optional<DocLanguage> of(Locale l) {
        if (l.getLanguage().equals("en")) {
            return Optional.of(EN);
        }
        if (l.getLanguage().equals("zh") && (l.getCountry().isEmpty() || l.getCountry().equals("CN"))
                && (l.getScript().isEmpty() || l.getScript().equals("Hans"))) {
            return Optional.of(ZH_CN);
        }
        return Optional.empty();
    }

    public static String supported() {
        return String.join(", ", Arrays.stream(values()).map(DocLanguage::tag).toList());
    }
}
