package dev.belay.it.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation compiled: every ```java block of docs/*.md and README.md must equal, modulo
 * indentation, a tagged region of the code in this package ({@code // tag::name[]} ... {@code // end::name[]};
 * regions of one name in one file are joined in order, so assertions can sit between them), which compiles
 * with the build and runs as tests. Every ```sql block must equal (lines joined by single spaces) a text block
 * of this package, which the tests assert as the exact SQL a query renders ({@link DocSql#assertSql}). The Spring
 * page's regions are in the examples-spring and spring modules ({@link #SPRING_CODE}).
 */
final class DocSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path CODE = Path.of("src/test/java/dev/belay/it/docs");
    /**
     * Where else tagged regions live: docs/spring.md shows the Spring example application and the starter's tests,
     * which compile and run in their own modules (Spring Boot's dependencies stay out of this one).
     */
    private static final List<Path> SPRING_CODE = List.of(ROOT.resolve("examples-spring/src/main/java"),
            ROOT.resolve("spring/src/test/java"));
    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);

    record Block(Path file, int line, String lang, List<String> lines) {}

    @Test
    void everyJavaAndSqlBlockIsCompiledAndChecked() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 14, "expected README.md and the docs/ pages, found " + pages);
        Map<String, List<String>> regions = regions();
        List<String> sqls = textBlocks();
        List<String> problems = new ArrayList<>();
        int java = 0;
        int sql = 0;
        for (Path page : pages) {
            for (Block b : blocks(page)) {
                String where = ROOT.relativize(b.file()).toString().replace('\\', '/') + ":" + b.line();
                if (b.lang().equals("java")) {
                    java++;
                    List<String> want = dedent(b.lines());
                    if (regions.values().stream().noneMatch(r -> r.equals(want))) {
                        problems.add(where + ": this java block is no tagged region of " + CODE + "\n    "
                                + String.join("\n    ", want));
                    }
                } else if (b.lang().equals("sql")) {
                    sql++;
                    String want = joined(b.lines());
                    if (sqls.stream().noneMatch(want::equals)) {
                        problems.add(where + ": this sql block is asserted nowhere in " + CODE + "\n    " + want);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " documentation blocks are not backed by compiled, tested code:\n"
                    + String.join("\n", problems));
        }
        assertTrue(java >= 30 && sql >= 10, "suspiciously few blocks found: " + java + " java, " + sql + " sql");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<Block> blocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("```") && l.length() > 3) {
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    body.add(lines.get(i));
                }
                out.add(new Block(page, start + 1, l.substring(3).strip(), body));
            }
        }
        return out;
    }

    /** Every tagged region of the code in this package, by file and name. */
    private static Map<String, List<String>> regions() throws IOException {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        regions(CODE, regions);
        for (Path more : SPRING_CODE) {
            regions(more, regions);
        }
        return regions;
    }

    private static void regions(Path code, Map<String, List<String>> regions) throws IOException {
        try (Stream<Path> s = Files.walk(code)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Map<String, List<String>> open = new LinkedHashMap<>();
                Map<String, List<String>> collected = new LinkedHashMap<>();
                for (String line : Files.readAllLines(f)) {
                    Matcher m = TAG.matcher(line);
                    if (m.matches()) {
                        String name = m.group(2);
                        if (m.group(1).equals("tag")) {
                            open.put(name, collected.computeIfAbsent(name, k -> new ArrayList<>()));
                        } else {
                            open.remove(name);
                        }
                        continue;
                    }
                    for (List<String> r : open.values()) {
                        r.add(line);
                    }
                }
                collected.forEach((name, lines) -> regions.put(f.getFileName() + "#" + name, dedent(lines)));
            }
        }
    }

    private static List<String> textBlocks() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CODE)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = TEXT_BLOCK.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(joined(List.of(m.group(1).split("\n"))));
                }
            }
        }
        return out;
    }

    private static String joined(List<String> lines) {
        return String.join(" ", lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** Trailing blanks and blank edge lines dropped, the common indentation removed. */
    private static List<String> dedent(List<String> lines) {
        List<String> l = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!l.isEmpty() && l.get(0).isEmpty()) {
            l.remove(0);
        }
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        int indent = l.stream().filter(s -> !s.isEmpty()).mapToInt(s -> s.length() - s.stripLeading().length())
                .min().orElse(0);
        return l.stream().map(s -> s.isEmpty() ? s : s.substring(indent)).toList();
    }
}
