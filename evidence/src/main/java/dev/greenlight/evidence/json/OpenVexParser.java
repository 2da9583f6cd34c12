package dev.greenlight.evidence.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceParser;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Statement;
import dev.greenlight.evidence.facts.VexFacts.Status;

/**
 * OpenVEX 0.0.1 and 0.2.0. A statement's vulnerability is a string (0.0.1) or an object with {@code name},
 * {@code @id} and {@code aliases} (0.2.0); its products are strings or objects with an {@code @id}, a purl among their
 * {@code identifiers} and {@code subcomponents}. A statement about a subcomponent of a product (a library in an
 * image) is about both, so a statement's products are the products and their subcomponents together: a finding for
 * either matches it. Timestamps do not change the facts.
 */
final class OpenVexParser implements EvidenceParser {
    private static final int MAX_ALIASES = 20;

    @Override
    public EvidenceType type() {
        return EvidenceType.OPENVEX;
    }

    @Override
    public boolean recognizes(byte[] head) {
        return JsonHead.of(head).textContains("/@context", "openvex");
    }

    @Override
    public VexFacts parse(InputStream input, ParseLimits limits) {
        return JsonDocuments.read(type(), input, limits, cursor -> new Document(cursor).read());
    }

    static Status parseStatus(JsonCursor cursor) {
        String status = cursor.text();
        if (status == null) {
            throw cursor.error("the statement has no status");
        }
        return switch (status) {
            case "not_affected" -> Status.NOT_AFFECTED;
            case "affected" -> Status.AFFECTED;
            case "fixed" -> Status.FIXED;
            case "under_investigation" -> Status.UNDER_INVESTIGATION;
            default -> throw cursor.error("status \"" + Texts.shorten(status, 40)
                    + "\" is not one of not_affected, affected, fixed, under_investigation");
        };
    }

    private static final class Document {
        private final JsonCursor cursor;
        private final List<Statement> statements = new ArrayList<>();
        /** Products and aliases kept over all statements: ten per listed statement on average. */
        private final long maxNames;
        private long names;
        private boolean hasStatements;

        Document(JsonCursor cursor) {
            this.cursor = cursor;
            this.maxNames = 10L * Math.max(cursor.limits().maxListedItems(), 100);
        }

        VexFacts read() {
            cursor.readObject(key -> switch (key) {
                case "@context" -> {
                    String context = cursor.text();
                    if (context == null || !context.contains("openvex")) {
                        throw cursor.error("@context " + Texts.shorten(String.valueOf(context), 80) + " is not OpenVEX's");
                    }
                    yield true;
                }
                case "statements" -> {
                    hasStatements = true;
                    cursor.readArray(index -> readStatement());
                    yield true;
                }
                default -> false;
            });
            if (!hasStatements) {
                throw new EvidenceFormatException(EvidenceType.OPENVEX, "/statements", "statements is missing: not an OpenVEX document");
            }
            return new VexFacts(statements);
        }

        private void readStatement() {
            if (statements.size() >= cursor.limits().maxListedItems()) {
                throw new EvidenceLimitException("The VEX document has more than " + cursor.limits().maxListedItems() + " statements.");
            }
            StatementBuilder statement = new StatementBuilder();
            cursor.readObject(key -> switch (key) {
                case "vulnerability" -> {
                    readVulnerability(statement);
                    yield true;
                }
                case "products" -> {
                    cursor.readArray(index -> readProduct(statement));
                    yield true;
                }
                case "subcomponents" -> {
                    // 0.0.1 lists subcomponents beside the products.
                    cursor.readArray(index -> readProduct(statement));
                    yield true;
                }
                case "status" -> {
                    statement.status = parseStatus(cursor);
                    yield true;
                }
                case "justification" -> {
                    statement.justification = Texts.shortenOrNull(Texts.blankToNull(cursor.text()), 200);
                    yield true;
                }
                default -> false;
            });
            if (statement.vulnerability == null) {
                throw cursor.error("the statement names no vulnerability");
            }
            if (statement.status == null) {
                throw cursor.error("the statement has no status");
            }
            statement.aliases.remove(statement.vulnerability);
            statements.add(new Statement(statement.vulnerability, new ArrayList<>(statement.aliases), new ArrayList<>(statement.products),
                    statement.status, statement.justification));
        }

        private void readVulnerability(StatementBuilder statement) {
            if (!cursor.isObject()) {
                statement.vulnerability = Texts.shortenOrNull(Texts.blankToNull(cursor.text()), 200);
                return;
            }
            String[] nameAndId = new String[2];
            cursor.readObject(key -> switch (key) {
                case "name" -> {
                    nameAndId[0] = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "@id" -> {
                    nameAndId[1] = Texts.blankToNull(cursor.text());
                    yield true;
                }
                case "aliases" -> {
                    cursor.texts(MAX_ALIASES).forEach(alias -> addName(statement.aliases, alias));
                    yield true;
                }
                default -> false;
            });
            String name = nameAndId[0] != null ? nameAndId[0] : nameAndId[1];
            statement.vulnerability = Texts.shortenOrNull(name, 200);
            if (nameAndId[0] != null && nameAndId[1] != null) {
                addName(statement.aliases, nameAndId[1]);
            }
        }

        /** A product (or subcomponent): a string, or an object with an @id, identifiers and subcomponents. */
        private void readProduct(StatementBuilder statement) {
            if (!cursor.isObject()) {
                addName(statement.products, cursor.text());
                return;
            }
            cursor.readObject(key -> switch (key) {
                case "@id" -> {
                    addName(statement.products, cursor.text());
                    yield true;
                }
                case "identifiers" -> {
                    cursor.readObject(identifier -> {
                        if (!identifier.equals("purl")) {
                            return false;
                        }
                        addName(statement.products, cursor.text());
                        return true;
                    });
                    yield true;
                }
                case "subcomponents" -> {
                    cursor.readArray(index -> readProduct(statement));
                    yield true;
                }
                default -> false;
            });
        }

        private void addName(Set<String> into, @Nullable String name) {
            if (name == null || name.isBlank()) {
                return;
            }
            if (into.add(Texts.shorten(name, 1000)) && ++names > maxNames) {
                throw new EvidenceLimitException("The VEX document names more than " + maxNames + " products and aliases.");
            }
        }
    }

    private static final class StatementBuilder {
        @Nullable String vulnerability;
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> products = new LinkedHashSet<>();
        @Nullable Status status;
        @Nullable String justification;
    }
}
