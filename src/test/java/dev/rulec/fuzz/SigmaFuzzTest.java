package dev.rulec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.target.Renderer;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Sigma file of arbitrary text, compiled through the built-in pipelines to every target as {@code rulec compile}
 * does (from a file: the loader's own reading path): rules or positioned diagnostics, never an exception.
 */
class SigmaFuzzTest {

    private static final SigmaFrontEnd FRONT_END = new SigmaFrontEnd(PipelineSet.builtIns());
    private static final List<Renderer> RENDERERS = List.of(new KqlRenderer(), new EsqlRenderer(), new LuceneRenderer());
    private static Path file;

    @BeforeAll
    static void createFile() throws IOException {
        file = Files.createTempFile("rulec-fuzz-", ".yml");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest
    @Timeout(10)
    void frontEndGivesRulesOrPositionedDiagnostics(byte[] data) throws IOException {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        Files.write(file, data);
        SourcePos start = SourcePos.startOf(file.toString());
        for (Renderer r : RENDERERS) {
            Diagnostics diags = new Diagnostics();
            FRONT_END.compile(List.of(file), r, diags);
            diags.all().forEach(d -> FuzzInput.assertInside(text.get(), start, d));
        }
    }
}
