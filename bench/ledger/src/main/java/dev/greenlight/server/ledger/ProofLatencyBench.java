package dev.greenlight.server.ledger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;

import org.HdrHistogram.Histogram;

import dev.greenlight.ledger.merkle.MerkleTree;

/**
 * Inclusion-proof latency at the log's current checkpoint, for random entries, one request at a time: generated
 * in-process from {@link PostgresHashStore} (the proof alone, and the whole .tlog-proof file the endpoint returns),
 * and through {@code GET /api/v1/ledger/{workspace}/entries/{i}/proof} over HTTP on 127.0.0.1.
 */
final class ProofLatencyBench {
    enum Path {
        INCLUSION_PROOF("MerkleTree.inclusionProof over PostgresHashStore"),
        TLOG_PROOF("LedgerReader.tlogProof (checkpoint + proof + file)"),
        HTTP("HTTP GET …/entries/{i}/proof, API key");

        final String label;

        Path(String label) {
            this.label = label;
        }
    }

    private final BenchApp app;
    private final UUID workspace;
    private final long treeSize;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer;
    private final SplittableRandom random = new SplittableRandom(42);

    ProofLatencyBench(BenchApp app, UUID workspace, long treeSize) {
        this.app = app;
        this.workspace = workspace;
        this.treeSize = treeSize;
        this.bearer = "Bearer " + app.adminKey();
    }

    /** Latencies in microseconds of {@code requests} proofs of random entries. */
    Histogram run(Path path, int requests) throws Exception {
        Histogram latencies = BenchStats.microsecondHistogram();
        MerkleTree tree = new MerkleTree(new PostgresHashStore(app.jdbc, workspace));
        for (int i = 0; i < requests; i++) {
            long index = random.nextLong(treeSize);
            long started = System.nanoTime();
            switch (path) {
                case INCLUSION_PROOF -> tree.inclusionProof(index, treeSize);
                case TLOG_PROOF -> app.reader.tlogProof(workspace, index);
                case HTTP -> fetch(index);
            }
            latencies.recordValue((System.nanoTime() - started) / 1000);
        }
        return latencies;
    }

    private void fetch(long index) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/ledger/" + BenchApp.DEFAULT_WORKSPACE
                + "/entries/" + index + "/proof")).header("Authorization", bearer).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("proof of entry " + index + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }
}
