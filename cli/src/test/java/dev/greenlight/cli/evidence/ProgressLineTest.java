package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long MIB = 1024 * 1024;

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void outsideATerminalPrintsEachQuarterOnce() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), "Uploading big.json (trivy)", 40 * MIB, false, now::get);

        for (long sent = 0; sent <= 40 * MIB; sent += 64 * 1024) {
            progress.sent(sent);
        }
        progress.done();

        assertThat(err.toString()).isEqualTo("""
                Uploading big.json (trivy): 25% (10.0 of 40.0 MiB)
                Uploading big.json (trivy): 50% (20.0 of 40.0 MiB)
                Uploading big.json (trivy): 75% (30.0 of 40.0 MiB)
                Uploading big.json (trivy): 100% (40.0 of 40.0 MiB)
                """);
    }

    @Test
    void aJumpPastSeveralQuartersPrintsOnlyTheLatest() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), "f", 100, false, now::get);

        progress.sent(80);
        progress.sent(100);

        assertThat(err.toString()).isEqualTo("f: 75% (0.0 of 0.0 MiB)\nf: 100% (0.0 of 0.0 MiB)\n");
    }

    @Test
    void onATerminalRedrawsOneLineAtMostFourTimesASecondAndErasesIt() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), "f", 10 * MIB, true, now::get);

        progress.sent(MIB);
        progress.sent(2 * MIB);
        now.addAndGet(100_000_000L);
        progress.sent(3 * MIB);
        now.addAndGet(150_000_000L);
        progress.sent(10 * MIB);
        progress.done();

        assertThat(err.toString()).isEqualTo("\rf: 10% (1.0 of 10.0 MiB)"
                + "\rf: 100% (10.0 of 10.0 MiB)"
                + "\r" + " ".repeat("f: 100% (10.0 of 10.0 MiB)".length()) + "\r");
        assertThat(err.toString()).doesNotContain("\n");
    }

    @Test
    void onATerminalTheEndIsShownEvenWithinTheInterval() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), "f", 10 * MIB, true, now::get);

        progress.sent(MIB);
        now.addAndGet(10_000_000L);
        progress.sent(5 * MIB);
        progress.sent(10 * MIB);

        assertThat(err.toString()).isEqualTo("\rf: 10% (1.0 of 10.0 MiB)\rf: 100% (10.0 of 10.0 MiB)");
    }

    @Test
    void aShorterLinePadsOverTheLongerOne() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), "f", 10 * MIB, true, now::get);

        progress.sent(10 * MIB);
        now.addAndGet(300_000_000L);
        progress.sent(MIB / 2);

        assertThat(err.toString()).endsWith("\rf: 5% (0.5 of 10.0 MiB)   ");
    }

    @Test
    void aRetryStartsTheQuartersAgain() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), "f", 100, false, now::get);

        progress.sent(50);
        progress.done();
        progress.sent(50);

        assertThat(err.toString()).isEqualTo("f: 50% (0.0 of 0.0 MiB)\nf: 50% (0.0 of 0.0 MiB)\n");
    }

    @Test
    void onlyFilesOverEightMebibytesGetProgress() {
        PrintWriter writer = new PrintWriter(err);

        assertThat(ProgressLine.forFile(writer, "f", 8 * MIB, false)).isSameAs(UploadProgress.NONE);
        assertThat(ProgressLine.forFile(writer, "f", 8 * MIB + 1, false)).isInstanceOf(ProgressLine.class);
    }
}
