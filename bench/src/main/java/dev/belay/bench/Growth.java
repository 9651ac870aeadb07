package dev.belay.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of {@code summary.md} that says whether a cost stays linear (issue 22): for each benchmark run at several
 * sizes (a {@code predicates} or {@code rows} parameter), each contender's time per predicate or row at every size,
 * and two ratios, both about 1 when the cost is linear:
 * <ul>
 *   <li>max ÷ min: the largest time per unit over the smallest. A fixed cost (a statement's round trip, building
 *       the SELECT around one predicate) raises the time per unit at the smallest size, so this can be well over 1
 *       while the cost is still linear;</li>
 *   <li>last step ÷ first step: the time each unit added between the two largest sizes, over the time each unit added
 *       between the two smallest. Fixed costs cancel out, so this is the one that shows a cost growing faster than
 *       the work (about 10 when it grows with the square between sizes ten times apart).</li>
 * </ul>
 */
final class Growth {
    private Growth() {}

    /** The parameters that count a benchmark's units, and the unit's name. */
    private static final Map<String, String> SIZES = Map.of("predicates", "predicate", "rows", "row");

    /** One contender of one benchmark across its sizes. */
    private record Series(String work, String contender) {}

    /** The table, or nothing when no benchmark ran at two sizes or more. */
    static String markdown(List<Summary.Line> lines) {
        Map<Series, TreeMap<Integer, Double>> series =
                new TreeMap<>(Comparator.comparing(Series::work).thenComparing(Series::contender));
        for (Summary.Line l : lines) {
            double micros = l.median() * microsPer(l.unit());
            for (Map.Entry<String, String> size : SIZES.entrySet()) {
                String units = l.params().get(size.getKey());
                if (units == null || Double.isNaN(micros)) {
                    continue;
                }
                Map<String, String> others = new LinkedHashMap<>(l.params());
                others.remove(size.getKey());
                Series s = new Series(Summary.work(l.benchmark(), others) + ", per " + size.getValue(), l.contender());
                int n = Integer.parseInt(units);
                series.computeIfAbsent(s, k -> new TreeMap<>()).put(n, micros);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Series, TreeMap<Integer, Double>> e : series.entrySet()) {
            if (e.getValue().size() >= 2) {
                b.append("| ").append(e.getKey().work()).append(" | ").append(e.getKey().contender()).append(" | ")
                        .append(row(e.getValue())).append(" |\n");
            }
        }
        if (b.length() == 0) {
            return "";
        }
        return "Growth: µs per unit at each size; max ÷ min of those; µs per unit added in the last step ÷ in the first "
                + "(about 1 when linear; fixed costs weigh on max ÷ min only).\n\n"
                + "| growth | contender | µs per unit at each size | max ÷ min | last step ÷ first step |\n"
                + "|---|---|---|---:|---:|\n" + b;
    }

    private static String row(TreeMap<Integer, Double> micros) {
        StringBuilder perUnit = new StringBuilder();
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Map.Entry<Integer, Double> e : micros.entrySet()) {
            double each = e.getValue() / e.getKey();
            max = Math.max(max, each);
            min = Math.min(min, each);
            perUnit.append(perUnit.length() == 0 ? "" : " · ").append(String.format(Locale.ROOT, "%,d", e.getKey()))
                    .append(": ").append(Summary.number(each));
        }
        String steps = "";
        if (micros.size() >= 3) {
            double first = step(micros, micros.firstKey(), micros.higherKey(micros.firstKey()));
            double last = step(micros, micros.lowerKey(micros.lastKey()), micros.lastKey());
            // a step that cost nothing (noise at small sizes) has no meaningful ratio
            steps = first > 0 ? String.format(Locale.ROOT, "%.2f×", last / first) : "";
        }
        return perUnit + " | " + String.format(Locale.ROOT, "%.2f×", max / min) + " | " + steps;
    }

    /** The time each unit added from size {@code from} to size {@code to} cost. */
    private static double step(TreeMap<Integer, Double> micros, int from, int to) {
        return (micros.get(to) - micros.get(from)) / (to - from);
    }

    /** Microseconds in one of JMH's time units per op ({@code ms/op}, ...); NaN for anything else. */
    private static double microsPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            default -> Double.NaN;
        };
    }
}
