package dev.greenlight.evidence.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts.Subject;

/**
 * in-toto Statements (v1, and v0.1 tolerated), plain or as the payload of a DSSE envelope (also inside a Sigstore
 * bundle, as GitHub's attestations come), with SLSA Provenance v1 (v0.2 and v0.1 tolerated) read for builder, build
 * type, source repository and commit. Files with several statements, one per line ({@code .intoto.jsonl}), give the
 * first provenance statement's facts and the subjects of all. Signatures are not verified here.
 */
final class InTotoParser implements EvidenceParser {
    static final String STATEMENT_V1 = "https://in-toto.io/Statement/v1";
    static final String STATEMENT_V01 = "https://in-toto.io/Statement/v0.1";
    static final String IN_TOTO_PAYLOAD = "application/vnd.in-toto+json";
    private static final String DECODED = " (decoded) ";

    @Override
    public EvidenceType type() {
        return EvidenceType.IN_TOTO;
    }

    @Override
    public boolean recognizes(byte[] head) {
        JsonHead json = JsonHead.of(head);
        return json.textContains("/_type", "in-toto.io/Statement")
                || json.textContains("/payloadType", "in-toto")
                || json.textContains("/dsseEnvelope/payloadType", "in-toto")
                || json.isObject("/dsseEnvelope") && json.textContains("/mediaType", "sigstore.bundle");
    }

    @Override
    public ProvenanceFacts parse(InputStream input, ParseLimits limits) {
        List<ProvenanceFacts> statements = new ArrayList<>();
        JsonDocuments.readEach(type(), input, limits, cursor -> {
            if (statements.size() >= limits.maxListedItems()) {
                throw new EvidenceLimitException("The file holds more than " + limits.maxListedItems() + " statements.");
            }
            statements.add(readTopLevel(cursor));
        });
        return merge(statements, limits);
    }

    /** A statement, a DSSE envelope, or a Sigstore bundle holding one. */
    private static ProvenanceFacts readTopLevel(JsonCursor cursor) {
        StatementReader statement = new StatementReader(cursor);
        Envelope envelope = new Envelope();
        Envelope bundled = new Envelope();
        cursor.readObject(key -> switch (key) {
            case "payloadType", "payload" -> envelope.read(cursor, key);
            case "dsseEnvelope" -> {
                cursor.readObject(envelopeKey -> bundled.read(cursor, envelopeKey));
                yield true;
            }
            default -> statement.read(key);
        });
        if (envelope.payload != null || envelope.payloadType != null) {
            return envelope.open(cursor, "/payload");
        }
        if (bundled.payload != null || bundled.payloadType != null) {
            return bundled.open(cursor, "/dsseEnvelope/payload");
        }
        return statement.facts(false);
    }

    /** A DSSE envelope's payload type and base64 payload. */
    private static final class Envelope {
        @Nullable String payloadType;
        @Nullable String payload;

        boolean read(JsonCursor cursor, String key) {
            switch (key) {
                case "payloadType" -> payloadType = cursor.text();
                case "payload" -> payload = cursor.text();
                default -> {
                    return false;
                }
            }
            return true;
        }

        ProvenanceFacts open(JsonCursor cursor, String payloadLocation) {
            EvidenceType format = cursor.format();
            String typeLocation = payloadLocation.replace("/payload", "/payloadType");
            if (payloadType == null || !payloadType.contains("in-toto")) {
                throw new EvidenceFormatException(format, typeLocation, "the envelope's payloadType "
                        + (payloadType == null ? "is missing" : "\"" + Texts.shorten(payloadType, 80) + "\" is not " + IN_TOTO_PAYLOAD));
            }
            if (payload == null || payload.isBlank()) {
                throw new EvidenceFormatException(format, payloadLocation, "the envelope has no payload");
            }
            byte[] decoded;
            try {
                // DSSE allows standard or URL-safe base64.
                decoded = (payload.indexOf('-') >= 0 || payload.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(payload.strip());
            } catch (IllegalArgumentException e) {
                throw new EvidenceFormatException(format, payloadLocation, "the payload is not base64: " + e.getMessage());
            }
            // The payload is inside the file, so its size is bounded by the string limit; it is read with the same limits.
            return JsonDocuments.read(format, new ByteArrayInputStream(decoded), cursor.limits(), payloadLocation + DECODED, inner -> {
                StatementReader statement = new StatementReader(inner);
                inner.readObject(key -> {
                    if (key.equals("payload") || key.equals("payloadType") || key.equals("dsseEnvelope")) {
                        throw inner.error("the payload is itself an envelope");
                    }
                    return statement.read(key);
                });
                return statement.facts(true);
            });
        }
    }

    /** The parts of a statement: type, subjects, predicate type and the SLSA predicate. */
    private static final class StatementReader {
        private final JsonCursor cursor;
        private final SlsaPredicate predicate;
        private final List<Subject> subjects = new ArrayList<>();
        private @Nullable String type;
        private @Nullable String predicateType;
        private boolean hasSubjects;

        StatementReader(JsonCursor cursor) {
            this.cursor = cursor;
            this.predicate = new SlsaPredicate(cursor);
        }

        boolean read(String key) {
            switch (key) {
                case "_type" -> {
                    type = cursor.text();
                    if (!STATEMENT_V1.equals(type) && !STATEMENT_V01.equals(type)) {
                        throw cursor.error("_type \"" + Texts.shorten(String.valueOf(type), 80) + "\" is not an in-toto Statement ("
                                + STATEMENT_V1 + ")");
                    }
                }
                case "subject" -> {
                    hasSubjects = true;
                    cursor.readArray(index -> readSubject());
                }
                case "predicateType" -> predicateType = Texts.shortenOrNull(Texts.blankToNull(cursor.text()), 500);
                case "predicate" -> predicate.read();
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void readSubject() {
            if (subjects.size() >= cursor.limits().maxListedItems()) {
                throw new EvidenceLimitException("The statement has more than " + cursor.limits().maxListedItems() + " subjects.");
            }
            String[] name = new String[1];
            Map<String, String> digests = new LinkedHashMap<>();
            cursor.readObject(key -> switch (key) {
                case "name" -> {
                    name[0] = cursor.text();
                    yield true;
                }
                case "digest" -> {
                    cursor.readObject(algorithm -> {
                        String value = Texts.blankToNull(cursor.text());
                        if (value != null && digests.size() < 20) {
                            digests.put(Texts.shorten(algorithm, 50), Texts.shorten(Texts.lower(value), 200));
                        }
                        return true;
                    });
                    yield true;
                }
                default -> false;
            });
            subjects.add(new Subject(Texts.shorten(name[0] == null ? "" : name[0], 1000), digests));
        }

        ProvenanceFacts facts(boolean enveloped) {
            EvidenceType format = cursor.format();
            String at = enveloped ? "/payload" + DECODED : "";
            if (type == null) {
                throw new EvidenceFormatException(format, at + "/_type", "_type is missing: not an in-toto Statement");
            }
            if (predicateType == null) {
                throw new EvidenceFormatException(format, at + "/predicateType", "predicateType is missing");
            }
            if (!hasSubjects) {
                throw new EvidenceFormatException(format, at + "/subject", "subject is missing");
            }
            return predicate.facts(predicateType, subjects, enveloped);
        }
    }

    private static ProvenanceFacts merge(List<ProvenanceFacts> statements, ParseLimits limits) {
        ProvenanceFacts main = statements.stream().filter(facts -> SlsaPredicate.isProvenance(facts.predicateType())).findFirst()
                .orElse(statements.getFirst());
        if (statements.size() == 1) {
            return main;
        }
        Set<Subject> subjects = new LinkedHashSet<>(main.subjects());
        for (ProvenanceFacts statement : statements) {
            subjects.addAll(statement.subjects());
            if (subjects.size() > limits.maxListedItems()) {
                throw new EvidenceLimitException("The statements have more than " + limits.maxListedItems() + " subjects.");
            }
        }
        return new ProvenanceFacts(main.predicateType(), main.builderId(), main.buildType(), main.sourceRepository(), main.commit(),
                new ArrayList<>(subjects), main.enveloped());
    }
}
