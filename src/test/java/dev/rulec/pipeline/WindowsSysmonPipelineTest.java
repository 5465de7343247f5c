package dev.rulec.pipeline;

import dev.rulec.ir.ExprFields;
import dev.rulec.diag.Diagnostics;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SigmaHQ Windows rule that compiles through a Sysmon pipeline (an alternative, or the only pipeline of a
 * logsource only Sysmon records) reads only fields of the Windows integration's Sysmon data stream (its field table,
 * or {@code winlog.event_data.*}, an object of keywords that indexes every event field the ingest pipeline leaves
 * there), and every target field the Sysmon pipelines name is one of those.
 */
class WindowsSysmonPipelineTest {

    private static Set<String> sysmonFields() throws IOException {
        List<String> lines = Files.readAllLines(SharedFiles.require("schemas/windows.sysmon_operational.tsv"));
        Set<String> out = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            out.add(line.split("\t", -1)[0]);
        }
        return out;
    }

    private static boolean known(String field, Set<String> table) {
        return table.contains(field) || field.startsWith("winlog.event_data.");
    }

    @Test
    void everyTargetFieldOfTheSysmonPipelinesIsInTheDataStream() throws IOException {
        Set<String> table = sysmonFields();
        List<String> problems = new ArrayList<>();
        for (Pipeline p : PipelineSet.builtIns().all()) {
            if (!p.indices().equals(List.of("logs-windows.sysmon_operational-*"))) {
                continue;
            }
            p.conditions().keySet().stream().filter(f -> !known(f, table)).forEach(f -> problems.add(p.name() + ": " + f));
            for (List<FieldMapping.MappedField> targets : p.fields().values()) {
                for (FieldMapping.MappedField t : targets) {
                    List<String> names = new ArrayList<>(List.of(t.name()));
                    t.joined().ifPresent(j -> names.add(j.second()));
                    t.keyed().values().forEach(k -> names.add(k.field()));
                    names.stream().filter(f -> !known(f, table)).forEach(f -> problems.add(p.name() + ": " + f));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void sigmaHqRulesOnSysmonReadOnlyDataStreamFields() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules/windows");
        Set<String> table = sysmonFields();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        TreeMap<String, Integer> byPipeline = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            SigmaFrontEnd.Parsed p = fe.parse(List.of(f), new Diagnostics());
            for (SigmaRuleIr r : p.rules()) {
                String name = r.pipeline().map(Pipeline::name).orElse("none");
                if (!r.pipeline().map(Pipeline::indices).orElse(List.of()).equals(
                        List.of("logs-windows.sysmon_operational-*"))) {
                    continue;
                }
                byPipeline.merge(name, 1, Integer::sum);
                for (String field : ExprFields.of(r.detection())) {
                    if (!known(field, table)) {
                        problems.add(f.getFileName() + ": field [" + field + "] is not a Sysmon data stream field");
                    }
                }
            }
        }
        System.out.println("[sysmon] SigmaHQ rules compiled through Sysmon pipelines: " + byPipeline);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(byPipeline.values().stream().mapToInt(Integer::intValue).sum() >= 30, byPipeline.toString());
    }
}
