package dev.rulec.source.sigma.meta;

import dev.rulec.attack.Attack;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Technique tags the bundled ATT&CK release lacks or deprecates are reported with what the data says about them. */
class ThreatMapperTest {

    private static final SourcePos POS = SourcePos.startOf("r.yml");

    private static Diagnostics map(String... tags) {
        Diagnostics d = new Diagnostics();
        new ThreatMapper(Attack.bundled()).map(List.of(tags), POS, d);
        return d;
    }

    @Test
    void techniqueNewerThanTheBundledReleaseSaysSo() {
        Diagnostics d = map("attack.t1685.001");
        assertEquals("r.yml:1:1: warning: tag [attack.t1685.001] names no technique of the bundled ATT&CK data:"
                + " T1685.001 is newer than ATT&CK v18 (the bundled release, whose highest technique is T1681),"
                + " probably from a later ATT&CK release; kept as a plain tag [sigma.unknown-technique]",
                d.all().get(0).format());
    }

    @Test
    void missingIdInsideTheReleasesRangeIsRevokedOrUnassigned() {
        Diagnostics d = map("attack.t1086");
        assertEquals("r.yml:1:1: warning: tag [attack.t1086] names no technique of the bundled ATT&CK data: T1086 is"
                + " not in ATT&CK v18: revoked, or never assigned (the bundled data leaves revoked techniques out and"
                + " does not name their replacements); kept as a plain tag [sigma.unknown-technique]",
                d.all().get(0).format());
    }

    @Test
    void deprecatedTechniqueIsMappedWithAWarning() {
        Diagnostics d = new Diagnostics();
        var r = new ThreatMapper(Attack.bundled()).map(List.of("attack.t1064"), POS, d);
        assertEquals(2, r.threat().size()); // defense-evasion and execution
        assertEquals("r.yml:1:1: warning: tag [attack.t1064]: technique T1064 (Scripting) is deprecated in ATT&CK v18;"
                + " mapped under its tactics all the same (tag a current technique instead)"
                + " [sigma.deprecated-technique]", d.all().get(0).format());
    }
}
