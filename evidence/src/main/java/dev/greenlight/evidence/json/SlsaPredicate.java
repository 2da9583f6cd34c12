package dev.greenlight.evidence.json;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts.Subject;

/**
 * The parts of an SLSA provenance predicate that say who built and from what. v1 keeps them in
 * {@code runDetails.builder.id}, {@code buildDefinition.buildType} and the source among
 * {@code buildDefinition.resolvedDependencies} (or {@code externalParameters}); v0.2 in {@code builder.id},
 * {@code buildType} and {@code invocation.configSource} (or {@code materials}); v0.1 calls the build type
 * {@code recipe.type}. The predicate is read before its type may be known (keys come in any order), so both shapes
 * are collected and the type decides at the end; a predicate of another type gives no builder or source.
 */
final class SlsaPredicate {
    private static final String PROVENANCE = "https://slsa.dev/provenance/";

    private final JsonCursor cursor;
    private @Nullable String builderId;
    private @Nullable String legacyBuilderId;
    private @Nullable String buildType;
    private @Nullable String legacyBuildType;
    /** Sources by preference: a resolved git dependency, the v0.2 config source, an external parameter, a material. */
    private @Nullable Source resolvedSource;
    private @Nullable Source configSource;
    private @Nullable Source parameterSource;
    private @Nullable Source materialSource;

    SlsaPredicate(JsonCursor cursor) {
        this.cursor = cursor;
    }

    private record Source(String uri, @Nullable String commit) {
    }

    static boolean isProvenance(@Nullable String predicateType) {
        return predicateType != null && predicateType.startsWith(PROVENANCE);
    }

    void read() {
        cursor.readObject(key -> switch (key) {
            case "buildDefinition" -> {
                cursor.readObject(definitionKey -> switch (definitionKey) {
                    case "buildType" -> {
                        buildType = Texts.blankToNull(cursor.text());
                        yield true;
                    }
                    case "externalParameters" -> {
                        readExternalParameters();
                        yield true;
                    }
                    case "resolvedDependencies" -> {
                        cursor.readArray(index -> resolvedSource = firstGit(resolvedSource, readResource()));
                        yield true;
                    }
                    default -> false;
                });
                yield true;
            }
            case "runDetails" -> {
                cursor.readObject(detailsKey -> {
                    if (!detailsKey.equals("builder")) {
                        return false;
                    }
                    builderId = readBuilderId();
                    return true;
                });
                yield true;
            }
            case "builder" -> {
                legacyBuilderId = readBuilderId();
                yield true;
            }
            case "buildType" -> {
                legacyBuildType = Texts.blankToNull(cursor.text());
                yield true;
            }
            case "recipe" -> {
                cursor.readObject(recipeKey -> {
                    if (!recipeKey.equals("type")) {
                        return false;
                    }
                    legacyBuildType = Texts.blankToNull(cursor.text());
                    return true;
                });
                yield true;
            }
            case "invocation" -> {
                cursor.readObject(invocationKey -> {
                    if (!invocationKey.equals("configSource")) {
                        return false;
                    }
                    configSource = readResource();
                    return true;
                });
                yield true;
            }
            case "materials" -> {
                cursor.readArray(index -> materialSource = firstGit(materialSource, readResource()));
                yield true;
            }
            default -> false;
        });
    }

    ProvenanceFacts facts(String predicateType, List<Subject> subjects, boolean enveloped) {
        if (!isProvenance(predicateType)) {
            return new ProvenanceFacts(predicateType, null, null, null, null, subjects, enveloped);
        }
        Source source = firstNonNull(resolvedSource, configSource, parameterSource, materialSource);
        return new ProvenanceFacts(predicateType, shorten(builderId != null ? builderId : legacyBuilderId),
                shorten(buildType != null ? buildType : legacyBuildType), source == null ? null : shorten(repository(source.uri())),
                source == null ? null : shorten(source.commit()), subjects, enveloped);
    }

    /**
     * GitHub's build types keep the repository in {@code workflow.repository}; others name a {@code source} (a URI or
     * a resource descriptor) or a {@code buildConfigSource.repository}.
     */
    private void readExternalParameters() {
        cursor.readObject(key -> switch (key) {
            case "workflow", "buildConfigSource" -> {
                cursor.readObject(nestedKey -> {
                    if (!nestedKey.equals("repository")) {
                        return false;
                    }
                    parameterSource = firstNonNull(parameterSource, source(cursor.text(), null));
                    return true;
                });
                yield true;
            }
            case "source" -> {
                Source source = cursor.isObject() ? readResource() : source(cursor.text(), null);
                parameterSource = firstNonNull(parameterSource, source);
                yield true;
            }
            case "repository" -> {
                parameterSource = firstNonNull(parameterSource, source(cursor.text(), null));
                yield true;
            }
            default -> false;
        });
    }

    private @Nullable String readBuilderId() {
        String[] id = new String[1];
        cursor.readObject(key -> {
            if (!key.equals("id")) {
                return false;
            }
            id[0] = Texts.blankToNull(cursor.text());
            return true;
        });
        return id[0];
    }

    /** A resource descriptor ({@code uri} and {@code digest}); the commit is its gitCommit, else sha1 digest. */
    private @Nullable Source readResource() {
        String[] uriAndCommit = new String[3];
        cursor.readObject(key -> switch (key) {
            case "uri" -> {
                uriAndCommit[0] = Texts.blankToNull(cursor.text());
                yield true;
            }
            case "digest" -> {
                cursor.readObject(algorithm -> switch (algorithm) {
                    case "gitCommit" -> {
                        uriAndCommit[1] = Texts.blankToNull(cursor.text());
                        yield true;
                    }
                    case "sha1" -> {
                        uriAndCommit[2] = Texts.blankToNull(cursor.text());
                        yield true;
                    }
                    default -> false;
                });
                yield true;
            }
            default -> false;
        });
        return source(uriAndCommit[0], uriAndCommit[1] != null ? uriAndCommit[1] : uriAndCommit[2]);
    }

    private static @Nullable Source source(@Nullable String uri, @Nullable String commit) {
        return uri == null || uri.isBlank() ? null : new Source(uri, commit);
    }

    /** Keeps the first source that is a git repository (dependencies also list tools and base images). */
    private static @Nullable Source firstGit(@Nullable Source current, @Nullable Source candidate) {
        if (current != null || candidate == null) {
            return current;
        }
        return candidate.uri().startsWith("git+") ? candidate : null;
    }

    /** {@code git+https://github.com/o/r@refs/heads/main} → {@code https://github.com/o/r}. */
    static String repository(String uri) {
        String repository = uri.startsWith("git+") ? uri.substring(4) : uri;
        int scheme = repository.indexOf("://");
        int pathStart = repository.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        int at = repository.lastIndexOf('@');
        if (pathStart >= 0 && at > pathStart) {
            repository = repository.substring(0, at);
        }
        return repository;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String shorten(@Nullable String text) {
        return Texts.shortenOrNull(text, 1000);
    }
}
