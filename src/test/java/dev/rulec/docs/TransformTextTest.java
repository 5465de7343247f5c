package dev.rulec.docs;

import dev.rulec.model.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransformTextTest {
    private static final Value.Obj TRANSFORM = new Value.Obj(Map.of("investigate", new Value.Arr(List.of(
            new Value.Obj(Map.of("label", new Value.Str("Events of the *same* process")))))));

    @Test
    void namesTheInvestigationAPlaceholderStandsFor() {
        assertEquals("Look: *(Kibana investigation: Events of the \\*same\\* process)* then $investigate_1.",
                TransformText.expand("Look: $investigate_0 then $investigate_1.", TRANSFORM,
                        Messages.of(DocLanguage.EN)));
        assertEquals("*(Kibana 调查:Events of the \\*same\\* process)*",
                TransformText.expand("$investigate_0", TRANSFORM, Messages.of(DocLanguage.ZH_CN)));
    }

    @Test
    void leavesNotesWithoutTransformsAlone() {
        assertEquals("costs $investigate_0", TransformText.expand("costs $investigate_0", Value.Obj.empty(),
                Messages.of(DocLanguage.EN)));
    }
}
