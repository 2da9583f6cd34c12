package dev.greenlight.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages form modules without cycles, and talk to each other only through their public types. */
class ModularityTest {
    private static final ApplicationModules MODULES = ApplicationModules.of(GreenlightApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDiagrams() {
        // PlantUML component diagrams under target/spring-modulith-docs, linked from docs/architecture.md.
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
