package dev.rulec.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.diag.Diagnostics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated site in a real headless Chromium: the index loads, filters and search work, no console errors.
 * Screenshots are kept in {@code target/docs-screenshots/}. Skips, saying so, when Chromium is not installed.
 */
class IndexInBrowserTest {
    private static final Path SITE = Path.of("target/docs-browser-site").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/docs-screenshots");
    private static final String VISIBLE = "Array.from(document.querySelectorAll('#rules tbody tr'))"
            + ".filter(r => !r.hidden).map(r => r.querySelector('a').textContent)";

    /**
     * Chromium profiles live under target/, not in a JUnit temp dir: helper processes of the browser (crash handler)
     * can still write there after it exits, and a temp dir that cannot be emptied fails the whole test class.
     */
    private static Path profile;

    private static Path binary;

    @BeforeAll
    static void renderSite() {
        Optional<Path> found = Chromium.find();
        if (found.isEmpty()) {
            return;
        }
        binary = found.get();
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Diagnostics d = new Diagnostics();
        new DocsWriter().write(SampleRules.all(), SITE, List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE), d);
        assertTrue(d.isEmpty(), () -> d.all().toString());
    }

    @BeforeEach
    void requireChromium() {
        Assumptions.assumeTrue(binary != null, "skipped: chromium not found (install the Debian package "
                + "'chromium', or set -Drulec.chromium=PATH)");
    }

    @Test
    void englishIndexLoadsFiltersAndSearchesWithoutConsoleErrors() throws Exception {
        try (Chromium c = new Chromium(binary, profile.resolve("en"))) {
            enable(c);
            c.open(SITE.resolve("en/index.html").toUri());
            assertEquals("Detection rules", c.eval("document.title").asText());
            assertEquals(4, c.eval(VISIBLE).size());
            assertEquals("4", c.eval("document.getElementById('shown').textContent").asText());

            choose(c, "f-severity", "high");
            assertEquals(List.of("Unusual City For an AWS Command"), texts(c.eval(VISIBLE)));
            choose(c, "f-severity", "");
            choose(c, "f-tactics", "TA0007");
            assertEquals(List.of("AWS <Discovery> Burst & Spike"), texts(c.eval(VISIBLE)));
            choose(c, "f-tactics", "");
            choose(c, "f-sources", "aws");
            assertEquals(List.of("AWS <Discovery> Burst & Spike", "Unusual Country For an AWS Command"),
                    texts(c.eval(VISIBLE)));
            choose(c, "f-type", "machine_learning");
            assertEquals(List.of("Unusual Country For an AWS Command"), texts(c.eval(VISIBLE)));
            choose(c, "f-type", "");
            choose(c, "f-sources", "");

            type(c, "COUNTRY");
            assertEquals(List.of("Unusual Country For an AWS Command"), texts(c.eval(VISIBLE)));
            assertEquals("1", c.eval("document.getElementById('shown').textContent").asText());
            type(c, "no such rule");
            assertEquals(0, c.eval(VISIBLE).size());
            assertEquals(false, c.eval("document.getElementById('empty').hidden").asBoolean());
            type(c, "country");
            c.screenshot(SHOTS.resolve("index-en.png"));

            c.open(SITE.resolve("en/rules/unusual-country-for-an-aws-command.html").toUri());
            assertEquals(List.of("ml", "mitre", "related", "falsePositives", "guide", "setup"),
                    texts(c.eval("Array.from(document.querySelectorAll('section')).map(s => s.id)")));
            c.screenshot(SHOTS.resolve("rule-en.png"));
            assertEquals(List.of(), c.errors());
        }
    }

    @Test
    void chineseIndexSearchesTranslatedNames() throws Exception {
        try (Chromium c = new Chromium(binary, profile.resolve("zh"))) {
            enable(c);
            c.open(SITE.resolve("zh-CN/index.html").toUri());
            assertEquals("检测规则", c.eval("document.title").asText());
            type(c, "国家");
            assertEquals(List.of("AWS 命令的异常国家/地区"), texts(c.eval(VISIBLE)));
            type(c, "");
            choose(c, "f-severity", "critical");
            assertEquals(List.of("Critical Query Rule"), texts(c.eval(VISIBLE)));
            c.screenshot(SHOTS.resolve("index-zh-CN.png"));
            c.open(SITE.resolve("zh-CN/rules/unusual-country-for-an-aws-command.html").toUri());
            c.screenshot(SHOTS.resolve("rule-zh-CN.png"));
            assertEquals(List.of(), c.errors());
        }
    }

    private static void enable(Chromium c) throws Exception {
        c.send("Runtime.enable", Map.of());
        c.send("Log.enable", Map.of());
        c.send("Page.enable", Map.of());
    }

    /** Selects a filter option the way a user does: the value changes and a change event fires. */
    private static void choose(Chromium c, String select, String value) throws Exception {
        c.eval("(() => { const s = document.getElementById('" + select + "'); s.value = '" + value + "';"
                + " s.dispatchEvent(new Event('change')); return s.value; })()");
    }

    /** Types into the search box through the browser's input pipeline (which fires input events). */
    private static void type(Chromium c, String text) throws Exception {
        c.eval("(() => { const q = document.getElementById('q'); q.focus(); q.select(); })()");
        if (text.isEmpty()) {
            c.send("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", "Backspace", "code", "Backspace",
                    "windowsVirtualKeyCode", 8));
            c.send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", "Backspace", "code", "Backspace",
                    "windowsVirtualKeyCode", 8));
        } else {
            c.send("Input.insertText", Map.of("text", text));
        }
        assertEquals(text, c.eval("document.getElementById('q').value").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
