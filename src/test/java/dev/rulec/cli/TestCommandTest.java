package dev.rulec.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCommandTest {

    @TempDir
    Path dir;

    @Test
    void projectRulesPassInProcess() {
        CommandRun r = CommandRun.of("test", "rules", "fixtures");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("rulec test: 5 rules: 4 passed, 0 failed, 0 errors, 1 skipped"), r::toString);
        assertTrue(r.out().contains("skipped: machine_learning rules need the ML job"), r::toString);
    }

    @Test
    void junitReportHasOneTestcasePerRule() throws IOException {
        Path out = dir.resolve("report.xml");
        CommandRun r = CommandRun.of("test", "--format", "junit", "--out", out.toString(), "rules", "fixtures");
        assertEquals(0, r.exitCode(), r::toString);
        String xml = Files.readString(out);
        assertEquals(5, xml.split("<testcase ", -1).length - 1, xml);
        assertTrue(xml.contains("<skipped message=\"skipped: machine_learning rules need the ML job\"/>"), xml);
    }

    @Test
    void jsonReportAndExitOneOnAFailure() throws IOException {
        Path fx = dir.resolve("bad.yml");
        Files.writeString(fx, "rule: 7265b08b-663a-468c-ac2a-d902b8b60c6e\nevents: []\n"
                + "alerts:\n  - {group: {aws.cloudtrail.user_identity.arn: nobody}}\n");
        CommandRun r = CommandRun.of("test", "--format", "json", "rules", fx.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("\"status\" : \"fail\""), r::toString);
        assertTrue(r.out().contains("missing alert for {aws.cloudtrail.user_identity.arn=\\\"nobody\\\"}"), r::toString);
    }

    @Test
    void unknownFormatIsAUsageError() {
        CommandRun r = CommandRun.of("test", "--format", "xml");
        assertEquals(2, r.exitCode(), r::toString);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedAsRulecCheckRefusesIt() {
        CommandRun r = CommandRun.of("test", "--es", "http://es.example:9200", "rules", "fixtures");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("refusing plain http to es.example: credentials and queries would travel"
                + " unencrypted; use https, or --insecure to allow it"), r::toString);
    }

    @Test
    void aMissingCaCertificateIsAClearError() {
        CommandRun r = CommandRun.of("test", "--es", "https://127.0.0.1:9", "--ca-cert", "no-such-ca.pem", "rules");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("cannot read --ca-cert no-such-ca.pem"), r::toString);
        assertTrue(!r.err().contains("internal error") && !r.err().contains("\tat "), r::toString);
    }
}
