package dev.greenlight.cli.ledger;

/** The check of an audit that failed, named in its output so the user knows exactly what did not verify. */
enum AuditCheck {
    CHECKPOINT("checkpoint", "The server's checkpoint is not a well-formed signed checkpoint."),
    SIGNATURE("signature", "The checkpoint is not validly signed by a key this audit trusts."),
    ORIGIN("origin", "The checkpoint is not one of the expected log."),
    HASH_TILE("hash tile", "The log's entries disagree with the hash tiles it serves."),
    ENTRY_BUNDLE("entry bundle", "The log serves an entry bundle that is not well-formed."),
    ROOT("root", "The log's entries do not hash to the root its checkpoint signs."),
    CONSISTENCY("consistency", "The log is inconsistent with the last audit from this machine: it does not extend the checkpoint"
            + " audited then, so it rewrote or dropped history (or serves tiles that say so). Keep the state file: it holds that"
            + " earlier signed checkpoint, which with the new one is signed evidence of the fork.");

    private final String label;
    private final String explanation;

    AuditCheck(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    String label() {
        return label;
    }

    String explanation() {
        return explanation;
    }
}
