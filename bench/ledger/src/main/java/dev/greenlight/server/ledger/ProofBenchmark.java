package dev.greenlight.server.ledger;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.greenlight.ledger.merkle.InclusionProof;
import dev.greenlight.ledger.merkle.MerkleTree;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Inclusion-proof generation for random entries of a log that bench/ledger/run.sh grew in a Greenlight data
 * directory: the embedded PostgreSQL of that directory started alone on 127.0.0.1 (no application), a small pool, and
 * the server's own {@link PostgresHashStore} and {@link LedgerReader}. Sample mode, so JMH reports percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProofBenchmark {
    /** A Greenlight data directory holding the log, with the bench-ledger.properties that LedgerBench wrote. */
    @Param("")
    public String dataDir;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private MerkleTree tree;
    private LedgerReader reader;
    private UUID workspace;
    private long size;

    @Setup(Level.Trial)
    public void start() throws IOException {
        Path directory = Path.of(dataDir);
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(LedgerBench.STATE_FILE))) {
            state.load(in);
        }
        workspace = UUID.fromString(state.getProperty("workspace"));
        size = Long.parseLong(state.getProperty("size"));
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("postgres").toAbsolutePath())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "greenlight"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        JdbcClient jdbc = JdbcClient.create(pool);
        tree = new MerkleTree(new PostgresHashStore(jdbc, workspace));
        reader = new LedgerReader(jdbc, Clock.systemUTC());
        long checkpoint = reader.latestCheckpoint(workspace).orElseThrow().treeHead().size();
        if (checkpoint != size) {
            throw new IllegalStateException("the log's checkpoint covers " + checkpoint + " entries, not " + size);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The proof alone: one query for its O(log n) stored hashes. */
    @Benchmark
    public InclusionProof inclusionProof() {
        return tree.inclusionProof(ThreadLocalRandom.current().nextLong(size), size);
    }

    /** What GET …/entries/{i}/proof computes: newest checkpoint, proof, and the .tlog-proof file. */
    @Benchmark
    public byte[] tlogProof() {
        return reader.tlogProof(workspace, ThreadLocalRandom.current().nextLong(size));
    }
}
