package dev.greenlight.cli.evidence;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.ApiProblemException;
import dev.greenlight.cli.client.ApiResponse;
import dev.greenlight.cli.evidence.PushTarget.LocalFile;
import dev.greenlight.cli.evidence.PushTarget.Unusable;
import dev.greenlight.evidence.EvidenceType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pushes one file after another to one release. A refusal of the file itself becomes a
 * {@link Outcome#REJECTED} result and the next file goes on; a failure that would refuse every file
 * alike (the key, a permission, a release that does not exist, a server that fails or cannot be
 * reached) is thrown, so the command stops instead of sending the rest in vain.
 */
final class EvidencePusher {
    private final EvidenceUploader uploader;
    private final ApiPath evidence;
    private final @Nullable EvidenceType declared;
    private final PrintWriter err;
    private final boolean terminal;

    EvidencePusher(EvidenceUploader uploader, ApiPath evidence, @Nullable EvidenceType declared, PrintWriter err, boolean terminal) {
        this.uploader = requireNonNull(uploader, "uploader is null");
        this.evidence = requireNonNull(evidence, "evidence is null");
        this.declared = declared;
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
    }

    PushResult push(PushTarget target) {
        return switch (target) {
            case Unusable unusable -> PushResult.notSent(unusable.display(), unusable.outcome(), unusable.reason());
            case LocalFile file -> push(file);
        };
    }

    private PushResult push(LocalFile file) {
        long size;
        Optional<EvidenceType> detected;
        try {
            size = Files.size(file.path());
            detected = TypeDetection.of(file.path());
        } catch (IOException e) {
            return unreadable(file, e);
        }
        EvidenceType type = declared != null ? declared : detected.orElse(null);
        String label = "Uploading " + file.display() + (type == null ? "" : " (" + type.wireName() + ")");
        UploadProgress progress = ProgressLine.forFile(err, label, size, terminal);
        try {
            ApiResponse answer = uploader.upload(evidence, query(file), ContentTypes.of(file.fileName()), file.path(), size, progress,
                    file.display());
            return PushResult.accepted(file.display(), answer.status() == 201, detected.orElse(null), declared, answer.body());
        } catch (ApiProblemException e) {
            if (concernsEveryFile(e.problem().status())) {
                throw e;
            }
            return PushResult.rejected(file.display(), detected.orElse(null), declared, e.problem());
        } catch (EvidenceUploader.UnreadableFileException e) {
            return unreadable(file, e.getCause());
        }
    }

    /**
     * Statuses that are not about the file: 401 (the key), 403 (a permission), 404 (no such
     * project or release), 429 and 5xx (still, after the retries).
     */
    static boolean concernsEveryFile(int status) {
        return status == 401 || status == 403 || status == 404 || EvidenceUploader.retryable(status);
    }

    private Map<String, String> query(LocalFile file) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("name", file.fileName());
        if (declared != null) {
            query.put("type", declared.wireName());
        }
        return query;
    }

    private static PushResult unreadable(LocalFile file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return PushResult.notSent(file.display(), Outcome.MISSING, "no such file");
        }
        String why = e instanceof AccessDeniedException ? "permission denied" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return PushResult.notSent(file.display(), Outcome.SKIPPED, "cannot be read: " + why);
    }
}
