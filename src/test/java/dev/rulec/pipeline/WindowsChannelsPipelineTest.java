package dev.rulec.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.ExprFields;
import dev.rulec.ir.Matcher;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;
import dev.rulec.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windows event channels whose raw event data Elastic keeps: PowerShell rules on the raw texts fall to the Custom
 * Windows Event Logs integration, classic {@code Data} is any of the event's unnamed elements, and each Sigma
 * Windows service selects its channel with the event data where the integration keeps it.
 */
class WindowsChannelsPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WINLOG = "logs-winlog.winlog-*";

    private static SigmaFrontEnd.Parsed parse(String logsource, String detection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: windows\n    " + logsource + "\n"
                + "detection:\n" + detection;
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    private static SigmaRuleIr only(SigmaFrontEnd.Parsed p, Diagnostics d) {
        assertFalse(d.hasErrors(), d.all().toString());
        assertEquals(1, p.rules().size());
        return p.rules().get(0);
    }

    private static boolean matches(SigmaRuleIr ir, String event) throws IOException {
        return Matcher.compile(ir.detection()).matches(JSON.readTree(event));
    }

    /** An event of the Windows PowerShell channel as the winlog input writes it: unnamed Data as param1..3. */
    private static String classic(String code, String p1, String p2, String p3) {
        return "{\"event\":{\"code\":\"" + code + "\"},\"winlog\":{\"channel\":\"Windows PowerShell\",\"event_data\":{"
                + "\"param1\":\"" + p1 + "\",\"param2\":\"" + p2 + "\",\"param3\":\"" + p3 + "\"}}}";
    }

    @Test
    void moduleLoggingTextFallsToTheCustomWindowsEventLogsIntegrationWithAWarning() throws IOException {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("category: ps_module", "    s:\n        Payload|contains: 'Invoke-Mimikatz'\n"
                + "    condition: s\n", d), d);
        Pipeline p = ir.pipeline().orElseThrow();
        assertEquals("windows-powershell-module-winlog", p.name());
        assertEquals(List.of(WINLOG), p.indices());
        assertEquals(List.of("Microsoft-Windows-PowerShell/Operational", "PowerShellCore/Operational"),
                p.conditions().get("winlog.channel"));
        assertEquals(List.of("pipeline.alternative", "pipeline.sparse-field"),
                d.all().stream().map(Diagnostic::code).toList());
        assertTrue(matches(ir, "{\"event\":{\"code\":\"4103\"},\"winlog\":{\"channel\":\"PowerShellCore/Operational\","
                + "\"event_data\":{\"Payload\":\"CommandInvocation(Invoke-Mimikatz)\"}}}"));
        assertFalse(matches(ir, "{\"event\":{\"code\":\"4104\"},\"winlog\":{\"channel\":\"PowerShellCore/Operational\","
                + "\"event_data\":{\"Payload\":\"CommandInvocation(Invoke-Mimikatz)\"}}}"));
    }

    @Test
    void classicDataMatchesAnUnnamedElementInAnyPosition() throws IOException {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("category: ps_classic_provider_start", "    s:\n        Data: 'Certificate'\n"
                + "    condition: s\n", d), d);
        assertEquals("windows-powershell-classic-provider-start-winlog", ir.pipeline().orElseThrow().name());
        assertTrue(matches(ir, classic("600", "Certificate", "Started", "\\tProviderName=Certificate")));
        assertFalse(matches(ir, classic("400", "Certificate", "Started", "")), "event 400 is not a provider start");
        assertFalse(matches(ir, classic("600", "Registry", "Started", "\\tProviderName=Certificate")),
                "equality is with a whole element");
    }

    @Test
    void eachValueOfContainsAllMayBeInADifferentElement() throws IOException {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("category: ps_classic_provider_start", "    s:\n        Data|contains|all:\n"
                + "            - 'Certificate'\n            - 'HostName=ConsoleHost'\n    condition: s\n", d), d);
        assertTrue(matches(ir, classic("600", "Certificate", "Started", "\\tHostName=ConsoleHost")));
        assertFalse(matches(ir, classic("600", "Registry", "Started", "\\tHostName=ConsoleHost")));
    }

    @Test
    void excludedDataRejectsAnEventWhenAnyElementHasIt() throws IOException {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("service: powershell-classic", "    s:\n        Data|contains: 'ProviderName=WSMan'\n"
                + "    f:\n        Data|contains: 'HostApplication=powershell'\n    condition: s and not f\n", d), d);
        assertEquals("windows-powershell-classic-winlog", ir.pipeline().orElseThrow().name());
        assertTrue(matches(ir, classic("600", "WSMan", "Started", "ProviderName=WSMan HostApplication=x.exe")));
        assertFalse(matches(ir, classic("600", "HostApplication=powershell", "Started", "ProviderName=WSMan")));
    }

    @Test
    void nullDataMeansTheEventHasNoUnnamedElement() throws IOException {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("service: powershell-classic", "    s:\n        Data: null\n    condition: s\n", d), d);
        assertFalse(matches(ir, classic("600", "WSMan", "Started", "x")));
        assertFalse(matches(ir, "{\"winlog\":{\"channel\":\"Windows PowerShell\",\"event_data\":{\"param4\":\"x\"}}}"));
        assertTrue(matches(ir, "{\"winlog\":{\"channel\":\"Windows PowerShell\",\"event_data\":{}}}"));
    }

    @Test
    void rawTextThatMayExceedTheKeywordLimitIsWarnedOncePerItem() {
        Diagnostics d = new Diagnostics();
        only(parse("category: ps_classic_start", "    s:\n        Data|contains: 'HostName=ConsoleHost'\n"
                + "    condition: s\n", d), d);
        List<String> sparse = d.all().stream().filter(x -> x.code().equals("pipeline.sparse-field"))
                .map(Diagnostic::format).toList();
        assertEquals(1, sparse.size(), sparse.toString());
        assertTrue(sparse.get(0).contains("field [Data] maps to [winlog.event_data.param1, winlog.event_data.param2,"
                + " winlog.event_data.param3]") && sparse.get(0).contains("ignore_above 1024"), sparse.get(0));
    }

    @Test
    void eachServiceSelectsItsChannelInTheCustomWindowsEventLogsIntegration() {
        Map<String, String> channels = Map.ofEntries(
                Map.entry("codeintegrity-operational", "Microsoft-Windows-CodeIntegrity/Operational"),
                Map.entry("appxdeployment-server", "Microsoft-Windows-AppXDeploymentServer/Operational"),
                Map.entry("firewall-as", "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"),
                Map.entry("bits-client", "Microsoft-Windows-Bits-Client/Operational"),
                Map.entry("dns-client", "Microsoft-Windows-DNS Client Events/Operational"),
                Map.entry("iis-configuration", "Microsoft-IIS-Configuration/Operational"),
                Map.entry("taskscheduler", "Microsoft-Windows-TaskScheduler/Operational"),
                Map.entry("wmi", "Microsoft-Windows-WMI-Activity/Operational"),
                Map.entry("dns-server", "DNS Server"),
                Map.entry("msexchange-management", "MSExchange Management"),
                Map.entry("smbserver-connectivity", "Microsoft-Windows-SMBServer/Connectivity"));
        PipelineSet set = PipelineSet.builtIns();
        channels.forEach((service, channel) -> {
            Pipeline p = set.select(Map.of("product", "windows", "service", service)).orElseThrow();
            assertEquals(List.of(WINLOG), p.indices(), service);
            assertEquals(List.of(channel), p.conditions().get("winlog.channel"), service);
            assertEquals(Pipeline.Unmapped.ERROR, p.unmapped(), service);
        });
    }

    @Test
    void eventIdAndNamedEventDataKeepTheirWindowsNames() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("service: firewall-as", "    s:\n        EventID: 2004\n"
                + "        ApplicationPath|contains: '\\Temp\\'\n    condition: s\n", d), d);
        assertTrue(ExprFields.of(ir.detection()).containsAll(List.of("winlog.channel", "event.code",
                "winlog.event_data.ApplicationPath")), ir.detection().toString());
    }

    @Test
    void wmiAndSessionManagerEventDataIsUnderUserData() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr wmi = only(parse("service: wmi", "    s:\n        PossibleCause: 'Permanent'\n    condition: s\n", d), d);
        assertTrue(ExprFields.of(wmi.detection()).contains("winlog.user_data.PossibleCause"));
        SigmaRuleIr lsm = only(parse("service: terminalservices-localsessionmanager",
                "    s:\n        Address|contains: '16777216'\n    condition: s\n", d), d);
        assertTrue(ExprFields.of(lsm.detection()).contains("winlog.user_data.Address"));
    }

    @Test
    void applicationChannelUsesTheSystemIntegrationAndItsRenderedMessageIsAnError() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("service: application", "    s:\n        Provider_Name: 'MsiInstaller'\n"
                + "        Data|contains: '://'\n    condition: s\n", d), d);
        assertEquals(List.of("logs-system.application-*"), ir.pipeline().orElseThrow().indices());
        assertTrue(ExprFields.of(ir.detection()).containsAll(List.of("winlog.provider_name",
                "winlog.event_data.param1", "winlog.event_data.param24")), ir.detection().toString());
        Diagnostics message = new Diagnostics();
        parse("service: application", "    s:\n        Message|contains: 'AteraAgent'\n    condition: s\n", message);
        assertTrue(message.hasErrors());
        assertTrue(message.all().get(0).format().contains("match_only_text"), message.all().toString());
    }

    @Test
    void defenderFieldsMapToTheDataStreamsUnderscoredNamesAndUnknownOnesAreErrors() {
        Diagnostics d = new Diagnostics();
        SigmaRuleIr ir = only(parse("service: windefend", "    s:\n        EventID: 5007\n"
                + "        NewValue|contains: '\\Exclusions'\n    condition: s\n", d), d);
        assertEquals(List.of("logs-windows.windows_defender-*"), ir.pipeline().orElseThrow().indices());
        assertTrue(ExprFields.of(ir.detection()).contains("winlog.event_data.New_Value"));
        Diagnostics unknown = new Diagnostics();
        parse("service: windefend", "    s:\n        DetectionUser: 'x'\n    condition: s\n", unknown);
        assertTrue(unknown.hasErrors());
        assertEquals("pipeline.unmapped-field", unknown.all().get(0).code());
    }

    @Test
    void channelWhoseDataLayoutIsUnknownRefusesNamedFields() {
        Diagnostics d = new Diagnostics();
        parse("service: driver-framework", "    s:\n        UMDFHostDeviceRequest: 'x'\n    condition: s\n", d);
        assertTrue(d.hasErrors());
        assertEquals("pipeline.unmapped-field", d.all().get(0).code());
    }

    @Test
    void noSigmaHqWindowsServiceRuleFallsToTheGenericPipeline() throws IOException {
        Path root = SharedFiles.require("corpus/sigma/rules/windows");
        SigmaFrontEnd fe = new SigmaFrontEnd(PipelineSet.builtIns());
        List<String> generic = new ArrayList<>();
        int compiled = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path f : files) {
            if (!Files.readString(f).contains("service:")) {
                continue; // cheap pre-filter; the logsource decides
            }
            for (SigmaRuleIr r : fe.parse(List.of(f), new Diagnostics()).rules()) {
                if (!r.logsource().containsKey("service")) {
                    continue;
                }
                compiled++;
                if (r.pipeline().orElseThrow().name().equals("generic")) {
                    generic.add(f.getFileName().toString());
                }
            }
        }
        assertTrue(generic.isEmpty(), String.join("\n", generic));
        assertTrue(compiled >= 330, "compiled " + compiled);
    }
}
