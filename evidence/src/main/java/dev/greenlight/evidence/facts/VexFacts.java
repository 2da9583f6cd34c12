package dev.greenlight.evidence.facts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * OpenVEX statements (0.0.1 and 0.2.0). They are applied when a release's vulnerability facts are merged: a finding
 * whose vulnerability (or an alias) a statement marks {@code not_affected} or {@code fixed} for a matching product
 * stops counting.
 */
public record VexFacts(List<Statement> statements) implements EvidenceFacts {

    public VexFacts {
        statements = List.copyOf(statements);
    }

    public enum Status {
        NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One statement: the vulnerability id and its aliases, the products (purls or ids) and the status. */
    public record Statement(String vulnerability, List<String> aliases, List<String> products, Status status, @Nullable String justification) {
        public Statement {
            aliases = List.copyOf(aliases);
            products = List.copyOf(products);
        }

        /** The statement's facts; public so that merged release facts list it in the same shape. */
        public Map<String, Object> toMap() {
            return FactMaps.create().put("vulnerability", vulnerability).put("aliases", aliases).put("products", products)
                    .put("status", status.wireName()).put("justification", justification).build();
        }
    }

    @Override
    public FactFamily family() {
        return FactFamily.VEX;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create().put("statements", statements.stream().map(Statement::toMap).toList()).build();
    }
}
