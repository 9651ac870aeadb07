package dev.belay.dsl.golden;

import java.util.List;

final class StructureGoldens {
    private StructureGoldens() {}

    static List<Golden> cases() {
        return List.of();
    }
}
