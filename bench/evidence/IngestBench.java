import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The client half of bench/evidence/ingest.sh (run as a single-file program: java IngestBench.java ...). Only the JDK:
 * the measured side is the server.
 *
 * <pre>
 *   junit BASE KEY RELEASE_PATH WARMUP COUNT   POSTs COUNT distinct ~1 MB JUnit reports one after another; latency percentiles
 *   sbom  BASE KEY RELEASE_PATH SIZE_MB FILE   writes a generated CycloneDX JSON SBOM of SIZE_MB to FILE and POSTs it streamed
 * </pre>
 */
public class IngestBench {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "junit" -> junit(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "sbom" -> sbom(args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
            default -> throw new IllegalArgumentException("junit or sbom");
        }
    }

    static void junit(String base, String key, String release, int warmup, int count) throws Exception {
        byte[] template = junitReport(1024 * 1024);
        long[] created = new long[count];
        long[] existing = new long[count];
        for (int i = -warmup; i < count; i++) {
            byte[] report = distinct(template, i + warmup);
            long start = System.nanoTime();
            int status = post(base, key, release, report, "application/xml", "TEST-bench-" + i + ".xml");
            long elapsed = System.nanoTime() - start;
            check(status, 201);
            // The same bytes again: hashed, staged and parsed, then answered from the existing row.
            long againStart = System.nanoTime();
            check(post(base, key, release, report, "application/xml", "TEST-bench-" + i + ".xml"), 200);
            long again = System.nanoTime() - againStart;
            if (i >= 0) {
                created[i] = elapsed;
                existing[i] = again;
            }
        }
        System.out.printf(Locale.ROOT, "junit size_bytes=%d count=%d%n", template.length, count);
        print("new", created);
        print("again", existing);
    }

    static void sbom(String base, String key, String release, int sizeMb, Path file) throws Exception {
        long components = writeSbom(file, (long) sizeMb * 1024 * 1024);
        long bytes = Files.size(file);
        long start = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + release + "/evidence?name=big-bom.cdx.json"))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "sbom size_bytes=%d components_written=%d status=%d seconds=%.1f mb_per_s=%.1f%n",
                bytes, components, response.statusCode(), seconds, bytes / 1048576.0 / seconds);
        System.out.println("sbom answer " + response.body());
        check(response.statusCode(), 201);
    }

    private static int post(String base, String key, String release, byte[] body, String type, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + release + "/evidence?name=" + name))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.err.println(response.body());
        }
        return response.statusCode();
    }

    private static void check(int status, int expected) {
        if (status != expected) {
            throw new IllegalStateException("expected " + expected + " but the server answered " + status);
        }
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", name,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A Surefire-style report of about {@code size} bytes: suites of test cases, one in 50 failing, one in 200 flaky. */
    static byte[] junitReport(int size) {
        StringBuilder xml = new StringBuilder(size + 4096).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        int suite = 0;
        while (xml.length() < size - 2000) {
            xml.append("<testsuite name=\"com.example.bench.Suite").append(suite).append("Test\" tests=\"40\" time=\"1.5\">\n");
            for (int test = 0; test < 40; test++) {
                xml.append("  <testcase classname=\"com.example.bench.Suite").append(suite).append("Test\" name=\"case")
                        .append(test).append("\" time=\"0.0").append(test % 10).append('"');
                int n = suite * 40 + test;
                if (n % 50 == 7) {
                    xml.append("><failure message=\"expected:&lt;1&gt; but was:&lt;2&gt;\" type=\"org.opentest4j.AssertionFailedError\">")
                            .append("org.opentest4j.AssertionFailedError: expected: 1 but was: 2\n\tat com.example.bench.Suite")
                            .append(suite).append("Test.case").append(test).append("(Suite").append(suite).append("Test.java:42)\n")
                            .append("</failure></testcase>\n");
                } else if (n % 200 == 11) {
                    xml.append("><flakyFailure message=\"timeout\" type=\"java.util.concurrent.TimeoutException\"/></testcase>\n");
                } else {
                    xml.append("/>\n");
                }
            }
            xml.append("</testsuite>\n");
            suite++;
        }
        return xml.append("</testsuites>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The template with a comment after the root element, so that every upload has bytes of its own. */
    private static byte[] distinct(byte[] template, int number) {
        byte[] marker = ("<!-- upload " + number + " -->\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(template, template.length + marker.length);
        System.arraycopy(marker, 0, bytes, template.length, marker.length);
        return bytes;
    }

    /** Streams a CycloneDX 1.5 JSON SBOM of at least {@code size} bytes to the file; returns the number of components. */
    static long writeSbom(Path file, long size) throws IOException {
        long written = 0;
        long components = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            written += write(out, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
                    + "\"metadata\":{\"tools\":{\"components\":[{\"type\":\"application\",\"name\":\"greenlight-bench\"}]},"
                    + "\"component\":{\"type\":\"application\",\"name\":\"bench\",\"version\":\"1.0.0\"}},\"components\":[\n");
            while (written < size - 200) {
                String hex = String.format(Locale.ROOT, "%064x", components * 2654435761L);
                written += write(out, (components == 0 ? "" : ",\n") + "{\"type\":\"library\",\"bom-ref\":\"c" + components
                        + "\",\"group\":\"org.example.g" + (components % 997) + "\",\"name\":\"lib" + components
                        + "\",\"version\":\"1." + (components % 50) + "." + (components % 7) + "\",\"purl\":\"pkg:maven/org.example.g"
                        + (components % 997) + "/lib" + components + "@1." + (components % 50) + "." + (components % 7)
                        + "\",\"licenses\":[{\"license\":{\"id\":\"" + (components % 3 == 0 ? "MIT" : "Apache-2.0")
                        + "\"}}],\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"" + hex + "\"}],"
                        + "\"description\":\"A generated library for the ingest benchmark, number " + components + ".\"}");
                components++;
            }
            written += write(out, "\n],\"dependencies\":[{\"ref\":\"c0\",\"dependsOn\":[\"c1\",\"c2\"]}]}\n");
        }
        return components;
    }

    private static int write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        return bytes.length;
    }
}
