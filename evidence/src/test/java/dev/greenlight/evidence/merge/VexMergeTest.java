package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static dev.greenlight.evidence.merge.MergeFixtures.statement;
import static dev.greenlight.evidence.merge.MergeFixtures.vex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.facts.VexFacts.Status;

class VexMergeTest {
    private static final List<String> IMAGE = List.of("pkg:oci/shop@sha256%3Aabc123");

    @Test
    void listsEveryStatementWithItsEvidenceInUploadOrder() {
        Map<String, Object> facts = merge(
                vex("vex-1", statement("CVE-1", Status.NOT_AFFECTED, IMAGE), statement("CVE-2", Status.AFFECTED, IMAGE)),
                vex("vex-2", statement("CVE-1", Status.AFFECTED, IMAGE)));

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "vex.statements"))
                .extracting(one -> one.get("vulnerability"), one -> one.get("status"), one -> one.get("evidence"))
                .containsExactly(tuple("CVE-1", "not_affected", "vex-1"), tuple("CVE-2", "affected", "vex-1"), tuple("CVE-1", "affected", "vex-2"));
        assertThat(MergeFixtures.<Long>fact(facts, "vex.count")).isEqualTo(3L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vex.statementsTruncated")).isFalse();
    }

    @Test
    void cutsTheListingAtTheLimitButCountsEveryStatement() {
        Map<String, Object> facts = merge(2,
                vex("vex-1", statement("CVE-1", Status.NOT_AFFECTED, IMAGE), statement("CVE-2", Status.AFFECTED, IMAGE)),
                vex("vex-2", statement("CVE-3", Status.FIXED, IMAGE)));

        assertThat(MergeFixtures.<List<?>>fact(facts, "vex.statements")).hasSize(2);
        assertThat(MergeFixtures.<Long>fact(facts, "vex.count")).isEqualTo(3L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vex.statementsTruncated")).isTrue();
    }

    @Test
    void isPresentForAnEmptyDocument() {
        assertThat(MergeFixtures.<Long>fact(merge(vex("vex-1")), "vex.count")).isZero();
    }
}
