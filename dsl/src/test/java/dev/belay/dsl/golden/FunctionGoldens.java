package dev.belay.dsl.golden;

import java.util.List;

final class FunctionGoldens {
    private FunctionGoldens() {}

    static List<Golden> cases() {
        return List.of();
    }
}
