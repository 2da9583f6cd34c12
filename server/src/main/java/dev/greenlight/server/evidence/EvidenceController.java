package dev.greenlight.server.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.server.blobs.BlobStore;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;
import dev.greenlight.server.web.IdempotencyRecords;

/** A release's evidence: upload (one raw file, or several as multipart), list, show with facts, download. */
@RestController
@RequestMapping("/api/v1/projects/{project}/releases/{version}/evidence")
class EvidenceController {
    /** Served under their own type; anything else is served as bytes, so no upload can become a page in a browser. */
    private static final Set<String> SERVABLE_TYPES = Set.of(
            "application/json", "application/xml", "text/xml", "text/plain", "application/gzip");

    private final ProjectCatalog projects;
    private final Releases releases;
    private final EvidenceUploads uploads;
    private final EvidenceRepository repository;
    private final BlobStore blobs;
    private final Principals principals;

    EvidenceController(ProjectCatalog projects, Releases releases, EvidenceUploads uploads, EvidenceRepository repository,
            BlobStore blobs, Principals principals) {
        this.projects = projects;
        this.releases = releases;
        this.uploads = uploads;
        this.repository = repository;
        this.blobs = blobs;
        this.principals = principals;
    }

    @PostMapping
    @RequiresPermission(Permission.EVIDENCE_UPLOAD)
    ResponseEntity<EvidenceView> upload(@PathVariable String project, @PathVariable String version,
            @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String name,
            @RequestHeader(name = IdempotencyRecords.HEADER, required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        String mediaType = mediaTypeOf(request.getContentType());
        if (mediaType.equals(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            throw new GreenlightException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Send the file as the raw request body (with its own Content-Type) or as multipart/form-data.");
        }
        Target target = target(project, version);
        EvidenceUploads.IncomingFile file = new EvidenceUploads.IncomingFile(FileNames.clean(name), mediaType, request::getInputStream);
        EvidenceUploads.Outcome outcome = uploads.upload(target.actor(), target.project(), target.release(), List.of(file),
                declaredType(type), validKey(idempotencyKey), requestLine(request));
        Evidence evidence = outcome.items().getFirst().evidence();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status());
        if (outcome.status() == HttpStatus.CREATED.value()) {
            response.location(URI.create(request.getRequestURI().replaceAll("/+$", "") + "/" + evidence.id()));
        }
        if (outcome.replayed()) {
            response.header(IdempotencyRecords.REPLAYED_HEADER, "true");
        }
        return response.body(view(evidence, target.release()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(Permission.EVIDENCE_UPLOAD)
    ResponseEntity<UploadedFiles> uploadFiles(@PathVariable String project, @PathVariable String version,
            @RequestParam(required = false) @Nullable String type,
            @RequestHeader(name = IdempotencyRecords.HEADER, required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        Target target = target(project, version);
        List<EvidenceUploads.IncomingFile> files = new ArrayList<>();
        for (Part part : parts(request)) {
            if (part.getSubmittedFileName() != null) {
                files.add(new EvidenceUploads.IncomingFile(FileNames.clean(part.getSubmittedFileName()),
                        mediaTypeOf(part.getContentType()), part::getInputStream));
            }
        }
        EvidenceUploads.Outcome outcome = uploads.upload(target.actor(), target.project(), target.release(), files,
                declaredType(type), validKey(idempotencyKey), requestLine(request));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status());
        if (outcome.replayed()) {
            response.header(IdempotencyRecords.REPLAYED_HEADER, "true");
        }
        return response.body(new UploadedFiles(outcome.items().stream()
                .map(stored -> new UploadedFile(stored.created(), view(stored.evidence(), target.release()))).toList()));
    }

    @GetMapping
    @RequiresPermission(Permission.PROJECT_READ)
    Page<EvidenceView> list(@PathVariable String project, @PathVariable String version,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Release release = target(project, version).release();
        return repository.list(release, PageRequest.of(limit, cursor)).map(evidence -> view(evidence, release));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.PROJECT_READ)
    EvidenceDetail show(@PathVariable String project, @PathVariable String version, @PathVariable String id) {
        Release release = target(project, version).release();
        Evidence evidence = repository.require(release, id);
        return new EvidenceDetail(view(evidence, release), repository.facts(evidence).toMap());
    }

    @GetMapping("/{id}/content")
    @RequiresPermission(Permission.PROJECT_READ)
    ResponseEntity<Resource> content(@PathVariable String project, @PathVariable String version, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        Evidence evidence = repository.require(target(project, version).release(), id);
        String etag = "\"" + evidence.sha256() + "\"";
        // Content-addressed: the bytes behind an ETag never change, so a cached copy only needs to be confirmed.
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl("private, no-cache");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        BlobStore.Blob blob = blobs.find(evidence.sha256()).orElseThrow(() -> new IllegalStateException(
                "evidence " + evidence.id() + " has no blob " + evidence.sha256()));
        headers.setContentLength(blob.size());
        headers.setContentType(SERVABLE_TYPES.contains(evidence.mediaType())
                ? MediaType.parseMediaType(evidence.mediaType()) : MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(evidence.fileName() == null ? evidence.sha256() : evidence.fileName(), StandardCharsets.UTF_8).build());
        try {
            return ResponseEntity.ok().headers(headers).body(new InputStreamResource(blob.open()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Target target(String projectSlug, String version) {
        Caller caller = CurrentCaller.require();
        Project project = projects.require(caller.workspaceId(), projectSlug);
        return new Target(Actor.of(caller), project, releases.require(project, version));
    }

    private record Target(Actor actor, Project project, Release release) {
    }

    private EvidenceView view(Evidence evidence, Release release) {
        String uploadedBy = principals.findById(evidence.workspaceId(), evidence.uploadedBy()).map(p -> p.name()).orElse(null);
        return new EvidenceView(evidence.id().toString(), release.version(), evidence.type().wireName(), evidence.mediaType(),
                evidence.fileName(), evidence.sha256(), evidence.size(), evidence.summary(), evidence.ledgerIndex(), uploadedBy,
                evidence.uploadedAt());
    }

    private static @Nullable EvidenceType declaredType(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return EvidenceType.fromWireName(type).orElseThrow(() -> GreenlightException.badRequest("Unknown evidence type '"
                + FileNames.printable(type) + "'; the types are " + java.util.Arrays.stream(EvidenceType.values())
                        .map(EvidenceType::wireName).toList() + "."));
    }

    private static @Nullable String validKey(@Nullable String key) {
        if (key != null && !IdempotencyRecords.isValidKey(key)) {
            throw GreenlightException.badRequest(IdempotencyRecords.INVALID_KEY);
        }
        return key;
    }

    private static String mediaTypeOf(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType parsed = MediaType.parseMediaType(contentType);
            return parsed.getType() + "/" + parsed.getSubtype();
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            throw new GreenlightException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not a media type.");
        }
    }

    private static List<Part> parts(HttpServletRequest request) {
        try {
            return List.copyOf(request.getParts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw GreenlightException.badRequest("The multipart body cannot be read.");
        }
    }

    private static String requestLine(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI() + "?" + (request.getQueryString() == null ? "" : request.getQueryString());
    }

    record EvidenceView(String id, String release, String type, String mediaType, @Nullable String fileName, String sha256,
            long size, Map<String, Object> summary, long ledgerIndex, @Nullable String uploadedBy, Instant uploadedAt) {
    }

    record EvidenceDetail(EvidenceView evidence, Map<String, Object> facts) {
    }

    record UploadedFile(boolean created, EvidenceView evidence) {
    }

    record UploadedFiles(List<UploadedFile> items) {
    }
}
