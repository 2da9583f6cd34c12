/**
 * A release's facts: the facts of all its evidence files merged per family (VEX applied to vulnerabilities,
 * provenance subjects matched to the release's artifacts), each family naming the evidence it came from.
 * {@link dev.greenlight.evidence.merge.ReleaseFactsMerger} is the entry point; the rules are in docs/facts.md.
 */
@NullMarked
package dev.greenlight.evidence.merge;

import org.jspecify.annotations.NullMarked;
