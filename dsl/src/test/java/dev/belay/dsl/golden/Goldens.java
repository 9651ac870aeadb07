package dev.belay.dsl.golden;

import java.util.ArrayList;
import java.util.List;

/** Every golden case, from every catalog. Add a catalog here and both dsl and it-tests run it. */
public final class Goldens {
    private Goldens() {}

    public static List<Golden> all() {
        List<Golden> all = new ArrayList<>();
        all.addAll(SelectGoldens.cases());
        all.addAll(ExpressionGoldens.cases());
        all.addAll(FunctionGoldens.cases());
        all.addAll(StructureGoldens.cases());
        all.addAll(DmlGoldens.cases());
        all.addAll(IntervalGoldens.cases());
        all.addAll(AliasGoldens.cases());
        all.addAll(RecursiveCteGoldens.cases());
        all.addAll(ResultColumnGoldens.cases());
        all.addAll(DdlGoldens.cases());
        all.addAll(ScalarGoldens.cases());
        all.addAll(AggregateGoldens.cases());
        all.addAll(FromItemGoldens.cases());
        all.addAll(ScopedGoldens.cases());
        return all;
    }
}
