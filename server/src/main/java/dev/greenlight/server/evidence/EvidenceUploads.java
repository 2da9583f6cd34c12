package dev.greenlight.server.evidence;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.evidence.UnknownEvidenceFormatException;
import dev.greenlight.server.blobs.BlobStore;
import dev.greenlight.server.blobs.BlobStore.StagedBlob;
import dev.greenlight.server.blobs.BlobTooLargeException;
import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.evidence.EvidenceRepository.NewEvidence;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.web.IdempotencyRecords;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes uploaded files into a release. Each file is streamed into the blob store's staging area (hashed and counted
 * on the way) and parsed from there, so a bad file is refused before anything is kept: no blob, no row, no log line.
 * The checked files' blobs are then made durable, and one short transaction records the rows, their ledger entries
 * and the Idempotency-Key's outcome together. The same bytes uploaded to the same release again are the evidence
 * already there.
 */
@Service
class EvidenceUploads {
    /** What an Idempotency-Key's record keeps: the ids of the evidence the first request answered with. */
    private static final String RECORD_MEDIA_TYPE = "application/vnd.greenlight.evidence-ids+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlobStore blobs;
    private final EvidenceReader reader;
    private final EvidenceRepository repository;
    private final Ledger ledger;
    private final IdempotencyRecords idempotency;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long maxBytes;
    private final ApplicationEventPublisher publisher;

    EvidenceUploads(BlobStore blobs, EvidenceReader reader, EvidenceRepository repository, Ledger ledger,
            IdempotencyRecords idempotency, TransactionTemplate transactions, Clock clock, EvidenceProperties properties,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.blobs = blobs;
        this.reader = reader;
        this.repository = repository;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.clock = clock;
        this.maxBytes = properties.maxBytes().toBytes();
    }

    /** A file as it arrives: its name and media type as the client gave them, and its bytes, readable once. */
    record IncomingFile(@Nullable String fileName, String mediaType, Content content) {
        IncomingFile {
            requireNonNull(mediaType, "mediaType is null");
            requireNonNull(content, "content is null");
        }
    }

    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** The evidence a request answered with; {@code created} is false for bytes the release already had. */
    record Stored(Evidence evidence, boolean created) {
    }

    /** 201 when a file was new, 200 when all were already there; {@code replayed} for an answer repeated for an Idempotency-Key. */
    record Outcome(int status, List<Stored> items, boolean replayed) {
    }

    Outcome upload(Actor actor, Project project, Release release, List<IncomingFile> files, @Nullable EvidenceType declared,
            @Nullable String idempotencyKey, String requestLine) {
        if (files.isEmpty()) {
            throw GreenlightException.badRequest("The request carries no file.");
        }
        List<Checked> checked = new ArrayList<>();
        try {
            long budget = maxBytes;
            for (IncomingFile file : files) {
                Checked one = check(release, file, declared, budget, files.size() > 1);
                checked.add(one);
                budget -= one.staged().size();
            }
            for (Checked one : checked) {
                commitBlob(one.staged());
            }
            byte[] fingerprint = fingerprint(requestLine, declared, checked);
            return requireNonNull(transactions.execute(transaction -> record(actor, project, release, checked, idempotencyKey, fingerprint)));
        } finally {
            checked.forEach(one -> one.staged().close());
        }
    }

    /** A file that was staged and parsed; {@code parsed} is null when the release already had its bytes. */
    private record Checked(IncomingFile file, StagedBlob staged, @Nullable ParsedEvidence parsed) {
    }

    private Checked check(Release release, IncomingFile file, @Nullable EvidenceType declared, long budget, boolean several) {
        StagedBlob staged;
        try (InputStream content = file.content().open()) {
            staged = blobs.stage(content, budget);
        } catch (BlobTooLargeException e) {
            throw named(new GreenlightException(ProblemKind.PAYLOAD_TOO_LARGE, several
                    ? "The files exceed the limit of " + maxBytes + " bytes per request."
                    : "The file exceeds the limit of " + maxBytes + " bytes."), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (repository.findBySha256(release, staged.sha256()).isPresent()) {
            // The release already has these bytes, which were parsed when they first came: the answer is that evidence.
            return new Checked(file, staged, null);
        }
        try (InputStream content = staged.open()) {
            return new Checked(file, staged, reader.read(content, declared));
        } catch (UnknownEvidenceFormatException e) {
            staged.close();
            throw named(new GreenlightException(ProblemKind.UNKNOWN_EVIDENCE_FORMAT, e.getMessage()), file);
        } catch (EvidenceFormatException e) {
            staged.close();
            throw named(new GreenlightException(ProblemKind.MALFORMED_EVIDENCE, "The file is not valid " + e.getMessage())
                    .with("format", e.format().wireName()).with("location", e.location()), file);
        } catch (EvidenceLimitException e) {
            staged.close();
            throw named(new GreenlightException(ProblemKind.EVIDENCE_LIMIT_EXCEEDED, e.getMessage()), file);
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static GreenlightException named(GreenlightException problem, IncomingFile file) {
        return file.fileName() == null ? problem : problem.with("file", file.fileName());
    }

    private void commitBlob(StagedBlob staged) {
        try {
            blobs.commit(staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome record(Actor actor, Project project, Release release, List<Checked> checked, @Nullable String key, byte[] fingerprint) {
        UUID principal = requireNonNull(actor.principalId(), "uploads come from principals");
        if (key != null) {
            Optional<IdempotencyRecords.StoredResponse> earlier = idempotency.claim(principal, key, fingerprint);
            if (earlier.isPresent()) {
                return replay(release, earlier.get());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> ids = new ArrayList<>();
        List<UUID> created = new ArrayList<>();
        List<LedgerEvent> events = new ArrayList<>();
        for (Checked one : checked) {
            ParsedEvidence parsed = one.parsed();
            UUID id = Ids.newId(clock);
            NewEvidence evidence = parsed == null ? null : new NewEvidence(parsed.type(), one.file().mediaType(), one.file().fileName(),
                    one.staged().sha256(), one.staged().size(), parsed.facts());
            if (evidence != null && repository.insertIfAbsent(release, evidence, id, principal, now)) {
                created.add(id);
                events.add(event(actor, project, release, id, evidence));
                ids.add(id);
            } else {
                ids.add(repository.findBySha256(release, one.staged().sha256()).orElseThrow().id());
            }
        }
        // The ledger goes last: its log stays locked for other appends until this transaction ends.
        List<Long> indexes = ledger.appendAll(events);
        for (int i = 0; i < created.size(); i++) {
            repository.setLedgerIndex(release.workspaceId(), created.get(i), indexes.get(i));
        }
        if (!created.isEmpty()) {
            publisher.publishEvent(new ReleaseChanged(release.workspaceId(), project.slug(), release.version(), null,
                    ReleaseChanged.Kind.EVIDENCE));
        }
        int status = created.isEmpty() ? 200 : 201;
        if (key != null) {
            idempotency.complete(principal, key, status, RECORD_MEDIA_TYPE, null,
                    JSON.writeValueAsBytes(ids.stream().map(UUID::toString).toList()));
        }
        List<Stored> items = ids.stream().distinct()
                .map(id -> new Stored(repository.require(release, id.toString()), created.contains(id))).toList();
        return new Outcome(status, items, false);
    }

    private Outcome replay(Release release, IdempotencyRecords.StoredResponse earlier) {
        if (earlier.mismatch() || !RECORD_MEDIA_TYPE.equals(earlier.contentType())) {
            throw new GreenlightException(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request; use a new key for a new request.");
        }
        String[] ids = JSON.readValue(earlier.body(), String[].class);
        List<Stored> items = java.util.Arrays.stream(ids).distinct()
                .map(id -> new Stored(repository.require(release, id), earlier.status() == 201)).toList();
        return new Outcome(earlier.status(), items, true);
    }

    private static LedgerEvent event(Actor actor, Project project, Release release, UUID id, NewEvidence evidence) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("release", release.version());
        subject.put("evidence", id.toString());
        subject.put("type", evidence.type().wireName());
        subject.put("sha256", evidence.sha256());
        subject.put("size", evidence.size());
        subject.put("mediaType", evidence.mediaType());
        subject.put("fileName", evidence.fileName());
        return new LedgerEvent(actor.workspaceId(), actor.workspaceSlug(), "evidence.added", project.slug(), actor.name(), subject);
    }

    /** The request line, the declared type and each file's name and SHA-256: what makes two uploads the same request. */
    private static byte[] fingerprint(String requestLine, @Nullable EvidenceType declared, List<Checked> checked) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(requestLine).append('\n').append(declared == null ? "" : declared.wireName()).append('\n');
            for (Checked one : checked) {
                text.append(one.staged().sha256()).append(' ').append(one.file().fileName() == null ? "" : one.file().fileName()).append('\n');
            }
            return digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
