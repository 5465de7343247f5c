package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Translations;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.target.esql.EsqlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigmaTranslationsTest {

    @TempDir
    Path tmp;

    private static List<LoadedRule> compile(Path f, Diagnostics d) {
        return SigmaCompileOptions.of(new EsqlRenderer(), PipelineSet.builtIns()).compile(f, d);
    }

    @Test
    void readsTheTranslationsAttributeOfTheProjectRule() {
        Diagnostics d = new Diagnostics();
        List<LoadedRule> rules = compile(Path.of("rules/sigma/aws_api_call_from_unexpected_region.yml"), d);
        assertEquals(List.of(), d.all());
        Translations.Text zh = rules.get(0).rule().translations().forLanguage("zh-CN").orElseThrow();
        assertEquals(Optional.of("来自非预期区域的 AWS API 调用"), zh.name());
        assertEquals(2, zh.falsePositives().size());
        assertTrue(zh.description().orElseThrow().startsWith("检测在本组织不使用的区域中"));
    }

    @Test
    void rejectsAnUnknownKeyInATranslationWithItsPosition() throws IOException {
        Path f = tmp.resolve("r.yml");
        Files.writeString(f, """
                title: t
                id: 5d7c2b1e-8a43-4f5e-9b1a-2c3d4e5f6a7b
                level: low
                logsource:
                  product: aws
                  service: cloudtrail
                detection:
                  sel:
                    eventName: X
                  condition: sel
                translations:
                  zh-CN:
                    titel: 标题
                """);
        Diagnostics d = new Diagnostics();
        assertEquals(List.of(), compile(f, d));
        assertTrue(d.all().stream().anyMatch(x -> x.format().contains("r.yml:13:5: error: unknown key [titel] in "
                + "translation [zh-CN]")), d.all()::toString);
    }
}
