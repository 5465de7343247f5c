package dev.rulec.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelinesCommandTest {

    @Test
    void listsEveryBuiltInPipelineAndWhichOnesAreAlternatives() {
        CommandRun run = CommandRun.of("pipelines");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("windows-image-load-sysmon"), run.out());
        assertTrue(run.out().contains("alternative to windows-image-load: compiles the rules that use a field"
                + " windows-image-load cannot map"), run.out());
        assertTrue(run.out().contains("zeek-dce_rpc"), run.out());
    }
}
