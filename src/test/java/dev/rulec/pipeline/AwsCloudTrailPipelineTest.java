package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the AWS pipeline, every SigmaHQ CloudTrail rule compiles and reads only fields of Elastic's CloudTrail
 * integration (its data stream's fields, ECS fields the ecs@mappings template maps, or sub-keys of its
 * {@code flattened} fields).
 */
class AwsCloudTrailPipelineTest {

    private static Map<String, String> fieldTypes() throws IOException {
        Map<String, String> types = new HashMap<>();
        for (String table : List.of("schemas/aws.cloudtrail.tsv", "schemas/ecs.tsv")) {
            List<String> lines = Files.readAllLines(SharedFiles.require(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t", -1);
                types.putIfAbsent(cols[0], cols[1]);
            }
        }
        return types;
    }

    private static boolean known(String field, Map<String, String> types) {
        if (types.containsKey(field)) {
            return true;
        }
        for (int i = field.lastIndexOf('.'); i > 0; i = field.lastIndexOf('.', i - 1)) {
            if ("flattened".equals(types.get(field.substring(0, i)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everySigmaHqCloudTrailRuleUsesOnlyIntegrationFields() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules/cloud/aws");
        Map<String, String> types = fieldTypes();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (Path f : files) {
            Diagnostics d = new Diagnostics();
            SigmaFrontEnd.Parsed p = fe.parse(List.of(f), d);
            d.all().stream().filter(x -> x.isError()).forEach(x -> problems.add(x.format()));
            for (SigmaRuleIr r : p.rules()) {
                rules++;
                assertEquals("aws-cloudtrail", r.pipeline().map(Pipeline::name).orElse("none"), f.toString());
                for (String field : ExprFields.of(r.detection())) {
                    if (!known(field, types)) {
                        problems.add(f.getFileName() + ": field [" + field + "] is not a CloudTrail integration field");
                    }
                }
            }
        }
        System.out.println("[aws] " + rules + " of " + files.size() + " SigmaHQ CloudTrail rules compile; problems: "
                + problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(files.size(), rules);
    }

    @Test
    void everyBuiltInPipelineLoadsAndSetsIndices() {
        PipelineSet all = PipelineSet.builtIns();
        assertTrue(all.names().contains("aws-cloudtrail"));
        for (Pipeline p : all.all()) {
            assertTrue(!p.indices().isEmpty(), p.name() + " sets no index pattern");
        }
        assertEquals(all.names().size(), all.names().stream().distinct().count(), "duplicate pipeline names");
    }
}
