package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.client.ApiProblem;
import dev.greenlight.cli.evidence.PushTarget.LocalFile;
import dev.greenlight.cli.evidence.PushTarget.Unusable;
import dev.greenlight.evidence.EvidenceType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PushLinesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PushLines lines = new PushLines(List.of(
            new LocalFile(Path.of("build/TEST-Cart.xml"), "build/TEST-Cart.xml"),
            new LocalFile(Path.of("trivy.json"), "trivy.json"),
            new Unusable("build/*.sarif", Outcome.MISSING, FileGlobs.NO_MATCH)));

    @Test
    void anAcceptedFileShowsItsTypeSummaryDigestAndLedgerIndex() {
        PushResult added = PushResult.accepted("build/TEST-Cart.xml", true, EvidenceType.JUNIT, null, evidence("junit",
                "{\"total\":3,\"failed\":1}", 42));
        PushResult existing = PushResult.accepted("trivy.json", false, EvidenceType.TRIVY, null, evidence("trivy",
                "{\"total\":2,\"bySeverity\":{\"critical\":1,\"high\":1}}", 7));

        assertThat(lines.line(added))
                .isEqualTo("added     junit      build/TEST-Cart.xml  3 tests, 1 failed                       sha256:4f1c2f7a1e0a  ledger #42");
        assertThat(lines.line(existing))
                .isEqualTo("existing  trivy      trivy.json           2 vulnerabilities: 1 critical, 1 high   sha256:4f1c2f7a1e0a  ledger #7");
    }

    @Test
    void aRejectedFileShowsTheProblemSlugAndDetail() {
        ApiProblem malformed = new ApiProblem("urn:greenlight:problem:malformed-evidence", "Malformed evidence", 422,
                "The file is not valid junit at line 3, column 2: unexpected end tag", null, "t-1", List.of(),
                Map.of("format", "junit", "location", "line 3, column 2"));

        assertThat(lines.line(PushResult.rejected("build/TEST-Cart.xml", null, null, malformed))).isEqualTo(
                "rejected  junit      build/TEST-Cart.xml  malformed-evidence: The file is not valid junit at line 3, column 2: unexpected end tag");
    }

    @Test
    void aFileNobodyRecognisedShowsAQuestionMarkAndAProblemWithoutTypeShowsItsStatus() {
        ApiProblem tooLarge = new ApiProblem(null, "Content Too Large", 413, null, null, null, List.of(), Map.of());

        assertThat(lines.line(PushResult.rejected("trivy.json", null, null, tooLarge)))
                .isEqualTo("rejected  ?          trivy.json           HTTP 413 Content Too Large");
    }

    @Test
    void aMissingPatternShowsWhy() {
        assertThat(lines.line(PushResult.notSent("build/*.sarif", Outcome.MISSING, FileGlobs.NO_MATCH)))
                .isEqualTo("missing   -          build/*.sarif        no file matches this pattern");
    }

    @Test
    void aFileNameCannotRewriteTheTerminal() {
        PushLines one = new PushLines(List.of(new LocalFile(Path.of("x"), "a\u001b[2Jb.xml")));

        assertThat(one.line(PushResult.notSent("a\u001b[2Jb.xml", Outcome.SKIPPED, "cannot be read: permission denied")))
                .isEqualTo("skipped   -          a?[2Jb.xml  cannot be read: permission denied");
    }

    @Test
    void theTallyCountsEveryOutcomeAndNamesMissingOnesOnlyWhenThereAreSome() {
        PushResult added = PushResult.accepted("a", true, null, null, evidence("junit", "{}", 1));
        PushResult existing = PushResult.accepted("b", false, null, null, evidence("junit", "{}", 1));
        PushResult missing = PushResult.notSent("c", Outcome.MISSING, FileGlobs.NO_MATCH);

        assertThat(PushLines.tally(List.of(added, added, existing))).isEqualTo("3 files: 2 added, 1 existing, 0 rejected");
        assertThat(PushLines.tally(List.of(added))).isEqualTo("1 file: 1 added, 0 existing, 0 rejected");
        assertThat(PushLines.tally(List.of(added, missing))).isEqualTo("2 files: 1 added, 0 existing, 0 rejected, 1 missing");
        assertThat(PushLines.stopped(List.of(added), 3)).isEqualTo("Stopped after 1 of 3 files: 1 added, 0 existing, 0 rejected.");
    }

    private static JsonNode evidence(String type, String summary, long ledgerIndex) {
        return JSON.readTree("""
                {"id":"0190a1b2","release":"1.4.2","type":"%s","mediaType":"application/xml","fileName":"x",
                 "sha256":"4f1c2f7a1e0a8c3d9b6e5f4a3c2b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c","size":12,
                 "summary":%s,"ledgerIndex":%d,"uploadedBy":"ci","uploadedAt":"2025-06-01T12:00:00Z"}
                """.formatted(type, summary, ledgerIndex));
    }
}
