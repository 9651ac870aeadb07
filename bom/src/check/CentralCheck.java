import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a Maven repository produced by the deploy plugin the way Maven Central's validation would, so that
 * {@code mvn deploy} is known to produce an acceptable publication without deploying anything.
 *
 * <p>Run by bom/pom.xml in the verify phase, after every module has deployed itself to the staging directory:
 * {@code java CentralCheck.java <staging repository> <reactor root> <bom pom>}. It checks:
 * <ul>
 *   <li>every artifact the BOM manages whose module is in this build is deployed, with its POM, jar, sources
 *       jar and javadoc jar, each with matching .md5 and .sha1 checksums, and the jars are not empty
 *       (classes; .java sources; an index.html);</li>
 *   <li>the parent POM and the BOM are deployed with their checksums;</li>
 *   <li>nothing else is deployed (it-tests and examples set maven.deploy.skip);</li>
 *   <li>every deployed POM, read with its parent as Maven reads it, has the fields Central requires:
 *       name and description (declared by the module itself), url, licenses (name and url), scm (url,
 *       connection, developerConnection) and developers, with no unresolved {@code ${...}}, no local path
 *       and no host name other than the project's public addresses.</li>
 * </ul>
 * Signatures (.asc) are not checked: they are made at release time with the release key, which no build here has.
 */
public final class CentralCheck {
    private final Path staging;
    private final List<String> problems = new ArrayList<>();
    private String projectUrl;
    private int checked;

    private CentralCheck(Path staging) {
        this.staging = staging;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java CentralCheck.java <staging repository> <reactor root> <bom pom>");
            System.exit(2);
        }
        CentralCheck check = new CentralCheck(Path.of(args[0]));
        check.run(Path.of(args[1]), Path.of(args[2]));
        for (String p : check.problems) {
            System.out.println("central-check: PROBLEM " + p);
        }
        System.out.println("central-check: " + check.checked + " artifacts checked, " + check.problems.size()
                + " problems");
        if (!check.problems.isEmpty()) {
            System.exit(1);
        }
    }

    private void run(Path root, Path bomPom) throws Exception {
        Element rootPom = read(root.resolve("pom.xml"));
        Element bom = read(bomPom);
        String group = text(bom, "groupId");
        String version = text(bom, "version");
        projectUrl = text(rootPom, "url");

        // Modules of this build, by artifactId, and whether they publish.
        Map<String, Boolean> moduleDeploys = new LinkedHashMap<>();
        for (Element m : children(child(rootPom, "modules"), "module")) {
            Element pom = read(root.resolve(m.getTextContent().trim()).resolve("pom.xml"));
            Element props = child(pom, "properties");
            String skip = props == null ? null : text(props, "maven.deploy.skip");
            moduleDeploys.put(text(pom, "artifactId"), !"true".equals(skip));
        }

        Map<String, String> expected = new LinkedHashMap<>(); // artifactId -> packaging
        expected.put(text(rootPom, "artifactId"), "pom");
        expected.put(text(bom, "artifactId"), "pom");
        for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            String artifactId = text(d, "artifactId");
            if (!group.equals(text(d, "groupId"))) {
                problems.add("the BOM manages " + text(d, "groupId") + ":" + artifactId + ", not a Belay artifact");
            } else if (!"${project.version}".equals(text(d, "version"))) {
                problems.add("the BOM gives " + artifactId + " version " + text(d, "version")
                        + "; use ${project.version} so that all Belay artifacts move together");
            } else if (!moduleDeploys.containsKey(artifactId)) {
                System.out.println("central-check: " + artifactId + " is managed by the BOM but no module of this"
                        + " build produces it; not checked");
            } else if (!moduleDeploys.get(artifactId)) {
                problems.add(artifactId + " is in the BOM but its module sets maven.deploy.skip");
            } else {
                expected.put(artifactId, "jar");
            }
        }
        for (Map.Entry<String, Boolean> m : moduleDeploys.entrySet()) {
            if (m.getValue() && !expected.containsKey(m.getKey())) {
                problems.add("module " + m.getKey() + " would be deployed but is not in the BOM: add it to "
                        + "bom/pom.xml, or set <maven.deploy.skip>true</maven.deploy.skip> in its pom");
            }
        }

        Path groupDir = staging.resolve(group.replace('.', '/'));
        TreeSet<String> deployed = new TreeSet<>();
        if (Files.isDirectory(groupDir)) {
            try (Stream<Path> s = Files.list(groupDir)) {
                s.filter(Files::isDirectory).forEach(p -> deployed.add(p.getFileName().toString()));
            }
        }
        for (String d : deployed) {
            if (!expected.containsKey(d)) {
                problems.add(d + " was deployed but is not published: set maven.deploy.skip in its module");
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            checkArtifact(group, e.getKey(), version, e.getValue());
        }
    }

    private void checkArtifact(String group, String artifactId, String version, String packaging) throws Exception {
        checked++;
        Path dir = staging.resolve(group.replace('.', '/')).resolve(artifactId).resolve(version);
        if (!Files.isDirectory(dir)) {
            problems.add(artifactId + ": not deployed (no " + dir + ")");
            return;
        }
        String base = artifactId + "-" + fileVersion(dir, version);
        Path pomFile = dir.resolve(base + ".pom");
        if (!present(pomFile)) {
            return;
        }
        checkPom(group, artifactId, version, packaging, pomFile);
        if (packaging.equals("jar")) {
            checkJar(dir.resolve(base + ".jar"), "a class", n -> n.endsWith(".class"));
            checkJar(dir.resolve(base + "-sources.jar"), "a .java source", n -> n.endsWith(".java"));
            checkJar(dir.resolve(base + "-javadoc.jar"), "index.html", n -> n.equals("index.html"));
        }
    }

    /** A snapshot is deployed under its timestamp and build number, as maven-metadata.xml records. */
    private String fileVersion(Path dir, String version) throws Exception {
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        Element meta = read(dir.resolve("maven-metadata.xml"));
        Element snapshot = child(child(meta, "versioning"), "snapshot");
        return version.substring(0, version.length() - "SNAPSHOT".length()) + text(snapshot, "timestamp") + "-"
                + text(snapshot, "buildNumber");
    }

    private boolean present(Path file) throws IOException, NoSuchAlgorithmException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            problems.add("missing or empty: " + staging.relativize(file));
            return false;
        }
        byte[] content = Files.readAllBytes(file);
        for (String[] algorithm : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
            Path sum = file.resolveSibling(file.getFileName() + "." + algorithm[0]);
            String want = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm[1]).digest(content));
            if (!Files.isRegularFile(sum) || !Files.readString(sum).trim().startsWith(want)) {
                problems.add("missing or wrong checksum: " + staging.relativize(sum));
            }
        }
        return true;
    }

    private void checkJar(Path jar, String what, Predicate<String> entry) throws Exception {
        if (!present(jar)) {
            return;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            boolean found = zip.stream().map(ZipEntry::getName)
                    .anyMatch(n -> entry.test(n.substring(n.lastIndexOf('/') + 1)));
            if (!found) {
                problems.add(staging.relativize(jar) + " holds no " + what);
            }
        }
    }

    // ---- POM fields -----------------------------------------------------------------------------

    private void checkPom(String group, String artifactId, String version, String packaging, Path pomFile)
            throws Exception {
        Element pom = read(pomFile);
        String where = artifactId + " (" + staging.relativize(pomFile) + ")";
        Element parent = parentPom(pom, where);
        String g = text(pom, "groupId") != null ? text(pom, "groupId") : parent == null ? null : text(parent, "groupId");
        String v = text(pom, "version") != null ? text(pom, "version") : parent == null ? null : text(parent, "version");
        require(where, "groupId", group.equals(g), g);
        require(where, "artifactId", artifactId.equals(text(pom, "artifactId")), text(pom, "artifactId"));
        require(where, "version", version.equals(v), v);
        String p = text(pom, "packaging") == null ? "jar" : text(pom, "packaging");
        require(where, "packaging " + packaging, packaging.equals(p), p);

        // Declared by each module: an inherited name or description would describe the parent.
        requireValue(where, "name", text(pom, "name"));
        requireValue(where, "description", text(pom, "description"));
        requireValue(where, "url", effectiveUrl(pom, artifactId, "url", pomFile));
        requireValue(where, "scm/url", effectiveScm(pom, artifactId, "url", pomFile));
        requireValue(where, "scm/connection", effectiveScm(pom, artifactId, "connection", pomFile));
        requireValue(where, "scm/developerConnection", effectiveScm(pom, artifactId, "developerConnection", pomFile));
        // one project, one address: not the parent's url with "/artifactId" appended
        require(where, "url " + projectUrl, projectUrl.equals(effectiveUrl(pom, artifactId, "url", pomFile)),
                effectiveUrl(pom, artifactId, "url", pomFile));
        require(where, "scm/url " + projectUrl, projectUrl.equals(effectiveScm(pom, artifactId, "url", pomFile)),
                effectiveScm(pom, artifactId, "url", pomFile));

        List<Element> licenses = inheritedList(pom, "licenses", "license", pomFile);
        require(where, "licenses", !licenses.isEmpty(), "none");
        for (Element l : licenses) {
            requireValue(where, "license name", text(l, "name"));
            requireValue(where, "license url", text(l, "url"));
        }
        List<Element> developers = inheritedList(pom, "developers", "developer", pomFile);
        require(where, "developers", !developers.isEmpty(), "none");
        for (Element d : developers) {
            requireValue(where, "developer name", text(d, "name"));
        }
    }

    /** Maven appends "/artifactId" to an inherited url unless the parent says child.*.inherit.append.path="false". */
    private String effectiveUrl(Element pom, String artifactId, String field, Path pomFile) throws Exception {
        if (text(pom, field) != null) {
            return text(pom, field);
        }
        Element parent = parentPom(pom, pomFile.toString());
        if (parent == null) {
            return null;
        }
        String inherited = effectiveUrl(parent, text(parent, "artifactId"), field, pomFile);
        boolean append = !"false".equals(parent.getAttribute("child.project.url.inherit.append.path"));
        return inherited == null || !append ? inherited : inherited + "/" + artifactId;
    }

    private String effectiveScm(Element pom, String artifactId, String field, Path pomFile) throws Exception {
        Element scm = child(pom, "scm");
        if (scm != null && text(scm, field) != null) {
            return text(scm, field);
        }
        Element parent = parentPom(pom, pomFile.toString());
        if (parent == null) {
            return null;
        }
        String inherited = effectiveScm(parent, text(parent, "artifactId"), field, pomFile);
        Element parentScm = child(parent, "scm");
        boolean append = parentScm == null
                || !"false".equals(parentScm.getAttribute("child.scm." + field + ".inherit.append.path"));
        return inherited == null || !append ? inherited : inherited + "/" + artifactId;
    }

    private List<Element> inheritedList(Element pom, String list, String item, Path pomFile) throws Exception {
        List<Element> own = children(child(pom, list), item);
        if (!own.isEmpty()) {
            return own;
        }
        Element parent = parentPom(pom, pomFile.toString());
        return parent == null ? List.of() : inheritedList(parent, list, item, pomFile);
    }

    /** The parent as deployed next to the child: a parent that is not published cannot be resolved by users. */
    private Element parentPom(Element pom, String where) throws Exception {
        Element ref = child(pom, "parent");
        if (ref == null) {
            return null;
        }
        String artifactId = text(ref, "artifactId");
        String version = text(ref, "version");
        Path dir = staging.resolve(text(ref, "groupId").replace('.', '/')).resolve(artifactId).resolve(version);
        Path file = Files.isDirectory(dir) ? dir.resolve(artifactId + "-" + fileVersion(dir, version) + ".pom") : dir;
        if (!Files.isRegularFile(file)) {
            problems.add(where + ": its parent " + artifactId + ":" + version + " is not deployed");
            return null;
        }
        return read(file);
    }

    private void require(String where, String what, boolean ok, String actual) {
        if (!ok) {
            problems.add(where + ": wrong or missing " + what + " (found: " + actual + ")");
        }
    }

    private void requireValue(String where, String what, String value) {
        if (value == null || value.isBlank()) {
            problems.add(where + ": no " + what);
        } else if (value.contains("${")) {
            problems.add(where + ": " + what + " has an unresolved property: " + value);
        } else if (value.contains("file:") || value.contains("/work/") || value.contains("/home/")
                || value.contains("/root/") || value.contains("localhost") || value.contains("127.0.0.1")) {
            problems.add(where + ": " + what + " names this machine: " + value);
        } else if (what.endsWith("url") && !value.startsWith("https://")) {
            problems.add(where + ": " + what + " is not an https address: " + value);
        }
    }

    // ---- XML ------------------------------------------------------------------------------------

    private static Element read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
