package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.cli.evidence.PushTarget.LocalFile;
import dev.greenlight.cli.evidence.PushTarget.Unusable;
import dev.greenlight.cli.failure.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGlobsTest {
    @TempDir
    private Path directory;

    @BeforeEach
    void tree() throws IOException {
        for (String file : List.of("build/TEST-b.xml", "build/TEST-a.xml", "build/notes.txt", "build/sub/TEST-c.xml",
                "build/sub/deeper/TEST-d.xml", "trivy.json", "report[1].xml")) {
            Path path = directory.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        Files.createDirectories(directory.resolve("empty"));
    }

    @Test
    void aStarStaysInItsDirectoryAndResultsAreSorted() {
        assertThat(displays("build/*.xml")).containsExactly("build/TEST-a.xml", "build/TEST-b.xml");
    }

    @Test
    void aDoubleStarCrossesDirectoriesAndAlsoMatchesNone() {
        assertThat(displays("build/**/*.xml"))
                .containsExactly("build/TEST-a.xml", "build/TEST-b.xml", "build/sub/TEST-c.xml", "build/sub/deeper/TEST-d.xml");
        assertThat(displays("**/TEST-c.xml")).containsExactly("build/sub/TEST-c.xml");
        assertThat(displays("build/**")).hasSize(5);
    }

    @Test
    void questionMarksBracketsAndBracesWork() {
        assertThat(displays("build/TEST-?.xml")).containsExactly("build/TEST-a.xml", "build/TEST-b.xml");
        assertThat(displays("build/TEST-[b-z].xml")).containsExactly("build/TEST-b.xml");
        assertThat(displays("{trivy.json,build/notes.txt}")).containsExactly("build/notes.txt", "trivy.json");
    }

    @Test
    void absolutePatternsShowAbsolutePaths() {
        List<PushTarget> targets = FileGlobs.expand(directory, List.of(directory + "/build/*.txt"));

        assertThat(targets).containsExactly(new LocalFile(directory.resolve("build/notes.txt"), directory + "/build/notes.txt"));
    }

    @Test
    void literalFilesAreTakenAsTypedEvenWhenTheyLookLikePatterns() {
        assertThat(FileGlobs.expand(directory, List.of("trivy.json", "report[1].xml")))
                .containsExactly(new LocalFile(directory.resolve("trivy.json"), "trivy.json"),
                        new LocalFile(directory.resolve("report[1].xml"), "report[1].xml"));
    }

    @Test
    void aPatternThatMatchesNothingIsMissing() {
        assertThat(FileGlobs.expand(directory, List.of("build/*.sarif", "nowhere/**/*.xml", "empty/*")))
                .containsExactly(new Unusable("build/*.sarif", Outcome.MISSING, FileGlobs.NO_MATCH),
                        new Unusable("nowhere/**/*.xml", Outcome.MISSING, FileGlobs.NO_MATCH),
                        new Unusable("empty/*", Outcome.MISSING, FileGlobs.NO_MATCH));
    }

    @Test
    void aMissingFileIsMissingAndADirectoryIsSkipped() {
        List<PushTarget> targets = FileGlobs.expand(directory, List.of("absent.xml", "build"));

        assertThat(targets.get(0)).isEqualTo(new Unusable("absent.xml", Outcome.MISSING, "no such file"));
        assertThat(targets.get(1)).isInstanceOfSatisfying(Unusable.class, unusable -> {
            assertThat(unusable.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(unusable.reason()).contains("is a directory", "'build/**/*.xml'");
        });
    }

    @Test
    void aFileNamedTwiceIsPushedOnceWhereItFirstAppears() {
        assertThat(displays("build/TEST-b.xml", "build/*.xml", "./build/TEST-a.xml"))
                .containsExactly("build/TEST-b.xml", "build/TEST-a.xml");
    }

    @Test
    void anInvalidPatternIsAUsageError() {
        assertThatThrownBy(() -> FileGlobs.expand(directory, List.of("build/[a.xml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'build/[a.xml' is not a valid glob pattern");
    }

    @Test
    void everyDoubleStarSlashMayStandForNoDirectory() {
        assertThat(FileGlobs.variants("**/*.xml")).containsExactly("**/*.xml", "*.xml");
        assertThat(FileGlobs.variants("a/**/b/**/c")).containsExactlyInAnyOrder("a/**/b/**/c", "a/b/**/c", "a/**/b/c", "a/b/c");
        assertThat(FileGlobs.variants("x**/y")).containsExactly("x**/y");
    }

    private List<String> displays(String... arguments) {
        return FileGlobs.expand(directory, List.of(arguments)).stream().map(PushTarget::display).toList();
    }
}
