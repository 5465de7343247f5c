package dev.rulec.kibana.standin;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one file part of a {@code multipart/form-data} body (strictly: a malformed body gives empty). */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

    private Multipart() {
    }

    /** The content of the part named {@code name}. */
    static Optional<String> part(String contentType, byte[] body, String name) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !m.find()) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String delimiter = "--" + m.group(1);
        String[] parts = text.split(Pattern.quote(delimiter));
        for (String part : parts) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            if (!headers.contains("name=\"" + name + "\"")) {
                continue;
            }
            String content = part.substring(headerEnd + 4);
            if (!content.endsWith("\r\n")) {
                return Optional.empty();
            }
            return Optional.of(content.substring(0, content.length() - 2));
        }
        return Optional.empty();
    }
}
