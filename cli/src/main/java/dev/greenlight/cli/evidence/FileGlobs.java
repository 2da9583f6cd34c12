package dev.greenlight.cli.evidence;

import dev.greenlight.cli.evidence.PushTarget.LocalFile;
import dev.greenlight.cli.evidence.PushTarget.Unusable;
import dev.greenlight.cli.failure.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Turns the file arguments of {@code push} into files. CI systems pass arguments without a shell,
 * or quoted, so patterns are expanded here, with {@code glob:} {@link PathMatcher}s: {@code *} and
 * {@code ?} stay within one directory, {@code **} crosses directories, and {@code **}{@code /} also
 * matches no directory at all, so {@code build/**}{@code /*.xml} finds {@code build/a.xml} too.
 * Relative patterns are relative to the working directory. Each pattern's files come sorted; a file
 * named twice is pushed once, where it first appears.
 */
final class FileGlobs {
    static final String NO_MATCH = "no file matches this pattern";

    /** Each optional {@code **}{@code /} doubles the matchers tried; no real pattern has more. */
    private static final int MAX_OPTIONAL_DOUBLE_STARS = 6;

    private FileGlobs() {
    }

    static List<PushTarget> expand(Path workingDirectory, List<String> arguments) {
        List<PushTarget> targets = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String argument : arguments) {
            for (PushTarget target : expand(workingDirectory, argument)) {
                if (!(target instanceof LocalFile file) || seen.add(file.path().toAbsolutePath().normalize())) {
                    targets.add(target);
                }
            }
        }
        return List.copyOf(targets);
    }

    static List<PushTarget> expand(Path workingDirectory, String argument) {
        if (argument.isBlank()) {
            throw new InvalidInputException("A file argument is empty.");
        }
        // A file whose name looks like a pattern ("report[1].xml") is still that file, as in a shell.
        Path literal = resolve(workingDirectory, argument);
        if (literal != null && Files.isRegularFile(literal)) {
            return List.of(new LocalFile(literal, argument));
        }
        boolean absolute = argument.startsWith("/");
        List<String> segments = Arrays.stream(argument.split("/")).filter(segment -> !segment.isEmpty()).toList();
        int firstPattern = 0;
        while (firstPattern < segments.size() && !isPattern(segments.get(firstPattern))) {
            firstPattern++;
        }
        if (firstPattern == segments.size()) {
            return List.of(literal(literal, argument));
        }
        String base = (absolute ? "/" : "") + String.join("/", segments.subList(0, firstPattern));
        String prefix = base.isEmpty() || base.equals("/") ? base : base + "/";
        List<String> rest = segments.subList(firstPattern, segments.size());
        List<PathMatcher> matchers = matchers(argument, String.join("/", rest));
        Path directory = resolve(workingDirectory, base.isEmpty() ? "." : base);
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of(new Unusable(argument, Outcome.MISSING, NO_MATCH));
        }
        int depth = rest.stream().anyMatch(segment -> segment.contains("**")) ? Integer.MAX_VALUE : rest.size();
        List<String> matched = walk(directory, depth, matchers);
        if (matched.isEmpty()) {
            return List.of(new Unusable(argument, Outcome.MISSING, NO_MATCH));
        }
        return matched.stream().sorted()
                .map(relative -> (PushTarget) new LocalFile(directory.resolve(relative).normalize(), prefix + relative))
                .toList();
    }

    static boolean isPattern(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{' || c == '\\');
    }

    /**
     * The pattern itself, and the pattern without each combination of its {@code **}{@code /}, so
     * that they may stand for no directory, as they do in shells with globstar, Ant and Gradle.
     */
    static List<String> variants(String pattern) {
        List<Integer> optional = new ArrayList<>();
        for (int at = pattern.indexOf("**/"); at >= 0 && optional.size() < MAX_OPTIONAL_DOUBLE_STARS; at = pattern.indexOf("**/", at + 3)) {
            if (at == 0 || pattern.charAt(at - 1) == '/') {
                optional.add(at);
            }
        }
        Set<String> variants = new LinkedHashSet<>();
        for (int dropped = 0; dropped < 1 << optional.size(); dropped++) {
            StringBuilder variant = new StringBuilder();
            int from = 0;
            for (int i = 0; i < optional.size(); i++) {
                if ((dropped & 1 << i) != 0) {
                    variant.append(pattern, from, optional.get(i));
                    from = optional.get(i) + 3;
                }
            }
            variants.add(variant.append(pattern.substring(from)).toString());
        }
        return List.copyOf(variants);
    }

    private static List<PathMatcher> matchers(String argument, String pattern) {
        try {
            return variants(pattern).stream().map(variant -> FileSystems.getDefault().getPathMatcher("glob:" + variant)).toList();
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("'" + argument + "' is not a valid glob pattern: " + e.getDescription() + ".");
        }
    }

    private static PushTarget literal(@Nullable Path path, String argument) {
        if (path == null || !Files.exists(path)) {
            return new Unusable(argument, Outcome.MISSING, "no such file");
        }
        if (Files.isDirectory(path)) {
            String glob = (argument.endsWith("/") ? argument : argument + "/") + "**/*.xml";
            return new Unusable(argument, Outcome.SKIPPED, "is a directory: name its files, or a glob such as '" + glob + "'");
        }
        return new Unusable(argument, Outcome.SKIPPED, "is not a regular file");
    }

    /** Relative paths, with {@code /} between names, of the regular files under the directory that a matcher accepts. */
    private static List<String> walk(Path directory, int depth, List<PathMatcher> matchers) {
        List<String> matched = new ArrayList<>();
        try {
            // Links are not followed into directories (no cycles), but a link to a file is that file.
            Files.walkFileTree(directory, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                        Path relative = directory.relativize(file);
                        if (matchers.stream().anyMatch(matcher -> matcher.matches(relative))) {
                            matched.add(relative.toString().replace(File.separatorChar, '/'));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unreadable corner of the tree must not hide the files in the rest of it.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return matched;
    }

    private static @Nullable Path resolve(Path workingDirectory, String name) {
        try {
            return workingDirectory.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
