package dev.greenlight.server.evidence;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;

class EvidenceUploadTest extends IntegrationTest {

    @Test
    void aReportBecomesEvidenceWithFactsBlobAndLedgerEntry() {
        String release = release(List.of());
        byte[] report = EvidenceFiles.junit(1);
        HttpResult created = admin().postBytes(release + "/evidence?name=build/reports/TEST-CartTest.xml", report, "application/xml");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode evidence = created.json();
        assertThat(evidence.get("type").asString()).isEqualTo("junit");
        assertThat(evidence.get("sha256").asString()).isEqualTo(sha256(report));
        assertThat(evidence.get("size").asLong()).isEqualTo(report.length);
        assertThat(evidence.get("fileName").asString()).isEqualTo("TEST-CartTest.xml");
        assertThat(evidence.get("mediaType").asString()).isEqualTo("application/xml");
        assertThat(evidence.get("uploadedBy").asString()).isEqualTo("admin");
        // Counted from the test cases, not from the header that claims 99 tests and no failure.
        assertThat(evidence.get("summary").get("total").asLong()).isEqualTo(3);
        assertThat(evidence.get("summary").get("failed").asLong()).isEqualTo(1);
        String id = evidence.get("id").asString();
        assertThat(created.header("Location")).isEqualTo(release + "/evidence/" + id);

        JsonNode shown = admin().get(release + "/evidence/" + id).json();
        assertThat(shown.get("facts").get("failedTests").get(0).get("id").asString()).isEqualTo("com.example.CartTest.removes0");
        assertThat(shown.get("evidence").get("id").asString()).isEqualTo(id);

        HttpResponse<byte[]> content = admin().getBytes(release + "/evidence/" + id + "/content", Map.of());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(report);
        assertThat(content.headers().firstValue("ETag")).hasValue("\"" + sha256(report) + "\"");
        assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        HttpResponse<byte[]> unchanged = admin().getBytes(release + "/evidence/" + id + "/content",
                Map.of("If-None-Match", "\"" + sha256(report) + "\""));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        long index = evidence.get("ledgerIndex").asLong();
        JsonNode entry = admin().get("/api/v1/ledger/default/entries/" + index).json();
        assertThat(entry.get("kind").asString()).isEqualTo("evidence.added");
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("entry").get("subject").get("sha256").asString()).isEqualTo(sha256(report));
        assertThat(entry.get("entry").get("subject").get("size").asLong()).isEqualTo(report.length);
        assertThat(entry.get("entry").get("subject").get("type").asString()).isEqualTo("junit");
        assertThat(blobFiles()).anyMatch(path -> path.getFileName().toString().equals(sha256(report)));
    }

    @Test
    void theSameBytesAgainAreTheEvidenceAlreadyThere() {
        String release = release(List.of());
        HttpResult first = admin().postBytes(release + "/evidence", EvidenceFiles.junit(0), "application/xml");
        HttpResult again = admin().postBytes(release + "/evidence", EvidenceFiles.junit(0), "text/xml");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("ledgerIndex").asLong()).isEqualTo(first.json().get("ledgerIndex").asLong());
        assertThat(admin().get(release + "/evidence").json().get("items")).hasSize(1);
        // Another release may hold the same bytes as its own evidence.
        assertThat(admin().postBytes(release(List.of()) + "/evidence", EvidenceFiles.junit(0), "application/xml").status()).isEqualTo(201);
    }

    @Test
    void badFilesAreRefusedWithAProblemAndNothingIsKept() {
        String release = release(List.of());
        long ledgerEntries = ledgerEntriesOf(release);
        List<Path> blobsBefore = blobFiles();

        HttpResult malformed = admin().postBytes(release + "/evidence", EvidenceFiles.malformedJunit(), "application/xml");
        assertProblem(malformed, 422, "malformed-evidence");
        assertThat(malformed.json().get("format").asString()).isEqualTo("junit");
        assertThat(malformed.json().get("location").asString()).startsWith("line ");

        HttpResult unknown = admin().postBytes(release + "/evidence", "just some words\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertProblem(unknown, 415, "unknown-evidence-format");

        HttpResult wrongType = admin().postBytes(release + "/evidence?type=sarif", EvidenceFiles.junit(0), "application/xml");
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(422);

        HttpResult xxe = admin().postBytes(release + "/evidence", EvidenceFiles.xxe(), "application/xml");
        assertThat(xxe.status()).as(xxe.toString()).isEqualTo(422);
        assertThat(xxe.body()).doesNotContain("root:");

        assertProblem(admin().postBytes(release + "/evidence?type=word", EvidenceFiles.junit(0), "application/xml"), 400, "bad-request");
        assertProblem(admin().postBytes(release + "/evidence", EvidenceFiles.junit(0), "application/x-www-form-urlencoded"), 415, "unsupported-media-type");

        HttpResult mixed = admin().postFiles(release + "/evidence", files("ok.xml", EvidenceFiles.junit(0), "broken.xml", EvidenceFiles.malformedJunit()));
        assertProblem(mixed, 422, "malformed-evidence");
        assertThat(mixed.json().get("file").asString()).isEqualTo("broken.xml");

        assertThat(admin().get(release + "/evidence").json().get("items")).isEmpty();
        assertThat(ledgerEntriesOf(release)).isEqualTo(ledgerEntries);
        assertThat(blobFiles()).isEqualTo(blobsBefore);
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void severalFilesInOneMultipartRequest() {
        String release = release(List.of());
        HttpResult uploaded = admin().postFiles(release + "/evidence",
                files("TEST-a.xml", EvidenceFiles.junit(0), "trivy.json", EvidenceFiles.trivy()));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode items = uploaded.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("evidence").get("type").asString()).isEqualTo("junit");
        assertThat(items.get(1).get("evidence").get("type").asString()).isEqualTo("trivy");
        assertThat(items.get(1).get("evidence").get("fileName").asString()).isEqualTo("trivy.json");
        assertThat(items.get(0).get("created").asBoolean()).isTrue();

        HttpResult again = admin().postFiles(release + "/evidence", files("TEST-a.xml", EvidenceFiles.junit(0)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("items").get(0).get("created").asBoolean()).isFalse();
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesOtherContent() {
        String release = release(List.of());
        Api keyed = admin().header("Idempotency-Key", "upload-" + System.nanoTime());
        HttpResult first = keyed.postBytes(release + "/evidence", EvidenceFiles.junit(2), "application/xml");
        HttpResult retry = keyed.postBytes(release + "/evidence", EvidenceFiles.junit(2), "application/xml");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertProblem(keyed.postBytes(release + "/evidence", EvidenceFiles.junit(3), "application/xml"), 422, "idempotency-key-reused");
        assertThat(admin().get(release + "/evidence").json().get("items")).hasSize(1);
    }

    @Test
    void releaseFactsMergeEvidenceApplyVexAndMatchProvenance() {
        String release = release(List.of(Map.of("name", "cart.jar", "sha256", EvidenceFiles.APP_SHA256)));
        for (byte[] file : List.of(EvidenceFiles.junit(1), EvidenceFiles.junit(0), EvidenceFiles.trivy(), EvidenceFiles.openVex(),
                EvidenceFiles.provenance(EvidenceFiles.APP_SHA256))) {
            HttpResult uploaded = admin().postBytes(release + "/evidence", file, "application/octet-stream");
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        }
        JsonNode merged = admin().get(release + "/facts").json();
        JsonNode facts = merged.get("facts");
        assertThat(merged.get("evidence")).hasSize(5);
        assertThat(facts.get("tests").get("total").asLong()).isEqualTo(5);
        assertThat(facts.get("tests").get("failed").asLong()).isEqualTo(1);
        assertThat(facts.get("tests").get("sources")).hasSize(2);
        assertThat(facts.get("vulns").get("bySeverity").get("critical").asLong()).as("CVE-2024-2222 is not_affected per VEX").isZero();
        assertThat(facts.get("vulns").get("bySeverity").get("high").asLong()).isEqualTo(1);
        assertThat(facts.get("vulns").get("suppressed")).hasSize(1);
        assertThat(facts.get("provenance").get("subjectsMatch").asBoolean()).isTrue();
        assertThat(facts.get("provenance").get("mismatch").asBoolean()).isFalse();
        assertThat(facts.has("coverage")).as("no coverage evidence: absent, so gates see it missing").isFalse();

        String other = release(List.of(Map.of("name", "cart.jar", "sha256", EvidenceFiles.APP_SHA256)));
        assertThat(admin().postBytes(other + "/evidence", EvidenceFiles.provenance("0".repeat(64)), "application/json").status()).isEqualTo(201);
        JsonNode mismatched = admin().get(other + "/facts").json().get("facts").get("provenance");
        assertThat(mismatched.get("mismatch").asBoolean()).isTrue();
        assertThat(mismatched.get("unmatchedSubjects").get(0).asString()).isEqualTo("cart.jar");
    }

    @Test
    void uploadingNeedsTheEvidencePermissionAndReadingTheProjectPermission() {
        String project = fixtures.project();
        String release = "/api/v1/projects/" + project + "/releases/1.0.0";
        fixtures.release(project, "1.0.0");
        String viewer = fixtures.keyWithRole("viewer", project);
        String developer = fixtures.keyWithRole("developer", project);
        assertProblem(api.as(viewer).postBytes(release + "/evidence", EvidenceFiles.junit(0), "application/xml"), 403, "forbidden");
        assertThat(api.as(developer).postBytes(release + "/evidence", EvidenceFiles.junit(0), "application/xml").status()).isEqualTo(201);
        assertThat(api.as(viewer).get(release + "/evidence").json().get("items")).hasSize(1);
        assertThat(api.anonymous().postBytes(release + "/evidence", EvidenceFiles.junit(0), "application/xml").status()).isEqualTo(401);
        assertThat(admin().postBytes("/api/v1/projects/" + project + "/releases/9.9.9/evidence", EvidenceFiles.junit(0), "application/xml")
                .status()).isEqualTo(404);
        assertThat(admin().get(release + "/evidence/not-an-id").status()).isEqualTo(404);
    }

    /** Refused before the body is read, a large upload gets its answer, not a connection closed under it. */
    @Test
    void aLargeUploadToNoSuchReleaseIsAnsweredBeforeItsBodyIsSent() {
        String project = fixtures.project();
        byte[] large = new byte[8 * 1024 * 1024];
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResult refused = Api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/projects/" + project + "/releases/9.9.9/evidence"))
                    .expectContinue(true)
                    .header("Authorization", "Bearer " + bootstrapKey())
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build());
            assertProblem(refused, 404, "not-found");
        }
    }

    private String release(List<Map<String, String>> artifacts) {
        String project = fixtures.project();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0.0");
        body.put("commitSha", "a".repeat(40));
        body.put("artifacts", artifacts);
        HttpResult created = admin().post("/api/v1/projects/" + project + "/releases", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return "/api/v1/projects/" + project + "/releases/1.0.0";
    }

    private static Map<String, byte[]> files(Object... namesAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
        }
        return files;
    }

    /** How many ledger entries the release's project has (a release path's project segment). */
    private long ledgerEntriesOf(String release) {
        String project = release.split("/")[4];
        return admin().get("/api/v1/ledger/default/entries?limit=200&project=" + project).json().get("items").size();
    }

    private List<Path> blobFiles() {
        return filesUnder(Path.of(environment.getProperty("greenlight.data-dir"), "blobs", "sha256"));
    }

    private List<Path> stagingFiles() {
        return filesUnder(Path.of(environment.getProperty("greenlight.data-dir"), "blobs", "staging"));
    }

    private static List<Path> filesUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
