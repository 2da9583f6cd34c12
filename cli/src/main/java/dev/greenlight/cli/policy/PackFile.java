package dev.greenlight.cli.policy;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.PolicyCompiler;
import dev.greenlight.policy.PolicyException;
import dev.greenlight.policy.PolicyPackParser;
import java.nio.file.Path;

/** A pack file read, parsed and compiled, or every problem that stops it, with rule and line:column (exit code 2). */
final class PackFile {
    /** A little over the parser's own limit, so that it is the parser that explains an oversized pack. */
    private static final int MAX_BYTES = 1024 * 1024 + 1;

    private PackFile() {
    }

    static CompiledPack compile(Path file) {
        byte[] yaml = InputFile.read(file, "pack", MAX_BYTES);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return new PolicyCompiler().compile(PolicyPackParser.parse(yaml, name));
        } catch (PolicyException e) {
            int count = e.problems().size();
            throw new PolicyCliException("The pack " + file + " does not " + (isCompileError(e) ? "compile" : "parse") + " (" + count
                    + (count == 1 ? " problem" : " problems") + "):",
                    e.problems().stream().map(PolicyException.Problem::toString).toList());
        }
    }

    /** Compile problems name their expression; parse problems never do. */
    private static boolean isCompileError(PolicyException e) {
        return e.problems().stream().allMatch(problem -> problem.message().startsWith("expression"));
    }
}
