package dev.greenlight.server.platform;

/** The two kinds of principal that act in Greenlight. */
public enum PrincipalKind {
    USER("user"),
    SERVICE_ACCOUNT("service-account");

    private final String wireName;

    PrincipalKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PrincipalKind fromWireName(String name) {
        for (PrincipalKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown principal kind: " + name);
    }
}
