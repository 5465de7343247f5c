package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sigma's file_rename logsource on Elastic Defend's rename events: old path in file.Ext.original.path, new in file.path. */
class WindowsFileRenamePipelineTest {

    private static final String RULE = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n"
            + "    category: file_rename\ndetection:\n    s:\n        SourceFilename|endswith: '.docx'\n"
            + "        TargetFilename|contains: '.docx.'\n    condition: s\n";

    @Test
    void oldAndNewPathsAreDefendsOriginalAndCurrentPathOfARenameEvent() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr r = new SigmaFrontEnd(PipelineSet.builtIns()).parseText(RULE, "r.yml", d).rules().get(0);
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals("windows-file-rename", r.pipeline().orElseThrow().name());
        assertEquals(List.of("logs-endpoint.events.file-*"), r.pipeline().orElseThrow().indices());
        assertEquals(new TreeSet<>(Set.of("event.category", "event.action", "file.Ext.original.path", "file.path")),
                new TreeSet<>(ExprFields.of(r.detection())));
        assertTrue(r.detection().toString().contains("rename"), r.detection().toString());
    }

    @Test
    void everyTargetFieldIsInDefendsFileDataStream() throws IOException {
        List<String> lines = Files.readAllLines(SharedFiles.require("schemas/endpoint.file.tsv"));
        Set<String> table = new HashSet<>();
        lines.subList(1, lines.size()).forEach(l -> table.add(l.split("\t", -1)[0]));
        Pipeline p = PipelineSet.builtIns().all().stream().filter(x -> x.name().equals("windows-file-rename"))
                .findFirst().orElseThrow();
        Set<String> missing = new TreeSet<>();
        p.conditions().keySet().stream().filter(f -> !table.contains(f)).forEach(missing::add);
        for (List<FieldMapping.MappedField> targets : p.fields().values()) {
            for (FieldMapping.MappedField t : targets) {
                List<String> names = new java.util.ArrayList<>(List.of(t.name()));
                t.joined().ifPresent(j -> names.add(j.second()));
                names.stream().filter(f -> !table.contains(f)).forEach(missing::add);
            }
        }
        assertEquals(Set.of(), missing);
    }
}
