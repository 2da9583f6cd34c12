package dev.greenlight.policy;

import java.util.Arrays;
import java.util.Optional;

/** The type of a fact or parameter, as rules see it in CEL. */
public enum FactType {
    BOOL("bool", "bool"),
    INT("int", "int"),
    DOUBLE("double", "double"),
    STRING("string", "string"),
    /** A list of strings, e.g. {@code sbom.licenses}. */
    STRING_LIST("list(string)", "list(string)"),
    /** A list of maps, e.g. {@code vulns.findings}: each item is a {@code map(string, dyn)}. */
    MAP_LIST("list(map)", "list(map(string, dyn))"),
    /** A list of anything. */
    LIST("list", "list(dyn)"),
    /** A map with string keys, e.g. a parameter holding a limit per severity. */
    MAP("map", "map(string, dyn)");

    private final String typeName;
    private final String celName;

    FactType(String typeName, String celName) {
        this.typeName = typeName;
        this.celName = celName;
    }

    /** The name a pack's parameter declaration uses ({@code type: double}) and docs/policy.md lists. */
    public String typeName() {
        return typeName;
    }

    /** The CEL type, as type errors name it. */
    public String celName() {
        return celName;
    }

    /** The type a parameter declaration names, if any. */
    public static Optional<FactType> fromTypeName(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }
}
