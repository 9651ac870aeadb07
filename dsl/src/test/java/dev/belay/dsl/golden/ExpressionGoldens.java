package dev.belay.dsl.golden;

import java.util.List;

final class ExpressionGoldens {
    private ExpressionGoldens() {}

    static List<Golden> cases() {
        return List.of();
    }
}
