package dev.greenlight.server.evidence;

import static dev.greenlight.server.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.RestrictedSettingsTest;

/** GREENLIGHT_EVIDENCE_MAX_BYTES is 64 KiB here: larger uploads are refused whole, however they are sent. */
class EvidenceSizeLimitTest extends RestrictedSettingsTest {

    @Test
    void filesOverTheLimitAreRefusedAndNothingIsKept() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        String path = "/api/v1/projects/" + project + "/releases/1.0.0/evidence";
        byte[] large = reportOf(EVIDENCE_MAX_BYTES + 1024);
        byte[] fits = reportOf(EVIDENCE_MAX_BYTES - 1024);

        assertProblem(admin().postBytes(path, large, "application/xml"), 413, "payload-too-large");
        HttpResult chunked = Api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + administratorKey())
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build());
        assertProblem(chunked, 413, "payload-too-large");
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.xml", reportOf(EVIDENCE_MAX_BYTES / 2 + 1024));
        two.put("b.xml", reportOf(EVIDENCE_MAX_BYTES / 2 + 2048));
        HttpResult multipart = admin().postFiles(path, two);
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(413);
        assertThat(admin().get(path).json().get("items")).isEmpty();

        HttpResult accepted = admin().postBytes(path, fits, "application/xml");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().get("size").asLong()).isEqualTo(fits.length);
    }

    /**
     * A client that says {@code Expect: 100-continue} gets the refusal of a body far over the limit (and over what
     * Tomcat would read and discard) as an answer, not as a connection closed under it.
     */
    @Test
    void aLargeRefusedUploadIsAnsweredBeforeItsBodyIsSent() {
        String project = fixtures.project();
        fixtures.release(project, "1.0.0");
        byte[] huge = new byte[8 * 1024 * 1024];
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResult refused = Api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/projects/" + project + "/releases/1.0.0/evidence"))
                    .expectContinue(true)
                    .header("Authorization", "Bearer " + administratorKey())
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build());
            assertProblem(refused, 413, "payload-too-large");
        }
    }

    /** A valid JUnit report of about {@code size} bytes. */
    private static byte[] reportOf(int size) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<testsuite name=\"big\">\n");
        int i = 0;
        while (xml.length() < size - 100) {
            xml.append("<testcase classname=\"com.example.Big\" name=\"case").append(i++).append("\"/>\n");
        }
        xml.append("</testsuite>\n");
        while (xml.length() < size) {
            xml.append(' ');
        }
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
