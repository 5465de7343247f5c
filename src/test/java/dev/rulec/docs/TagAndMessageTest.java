package dev.rulec.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TagAndMessageTest {
    private static final Messages EN = Messages.of(DocLanguage.EN);
    private static final Messages ZH = Messages.of(DocLanguage.ZH_CN);

    @Test
    void translatesTagPrefixesAndKnownValuesLikeSeed001() {
        assertEquals("领域:云", TagText.of("Domain: Cloud", ZH));
        assertEquals("数据源:Amazon Web Services", TagText.of("Data Source: Amazon Web Services", ZH));
        assertEquals("规则类型:ML", TagText.of("Rule Type: ML", ZH));
        assertEquals("资源:调查指南", TagText.of("Resources: Investigation Guide", ZH));
        assertEquals("战术:初始访问", TagText.of("Tactic: Initial Access", ZH));
        assertEquals("attack.t1078", TagText.of("attack.t1078", ZH));
        assertEquals("Custom: thing", TagText.of("Custom: thing", ZH));
    }

    @Test
    void keepsEnglishTagsAsWritten() {
        assertEquals("Domain: Cloud", TagText.of("Domain: Cloud", EN));
        assertEquals("Use Case:Threat Detection", TagText.of("Use Case:Threat Detection", EN));
    }

    /** Both bundles define the same keys, apart from the optional translation tables of the Chinese one. */
    @Test
    void bundlesDefineTheSameKeys() throws IOException {
        Set<String> en = keys("messages_en.properties");
        Set<String> zh = keys("messages_zh_CN.properties");
        zh.removeIf(k -> k.startsWith("tag.prefix.") || k.startsWith("tag.value.") || k.startsWith("tactic."));
        assertEquals(en, zh);
    }

    @Test
    void formatsWithArgumentsPerLanguage() {
        assertEquals("Showing 3 of 10 rules", EN.get("index.count", 3, 10));
        assertEquals("显示 10 条规则中的 3 条", ZH.get("index.count", 3, 10));
        assertEquals("As listed in the rule's investigation guide.", EN.get("related.fromGuide"));
        assertEquals("1,234 rules", EN.get("index.total", 1234));
        assertEquals("Initial Access、Execution".replace("Initial Access", "a").replace("Execution", "b"),
                ZH.join(java.util.List.of("a", "b")));
    }

    private static Set<String> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TagAndMessageTest.class.getResourceAsStream("/docs/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
