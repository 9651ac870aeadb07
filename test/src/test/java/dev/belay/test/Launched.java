package dev.belay.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Runs a sample test class with the JUnit Platform launcher, inside this JVM, and keeps how each of its tests and
 * containers ended: how the kit's own tests see what a user's test run would report. The samples are static
 * nested classes, which neither Surefire nor a run of the enclosing class picks up by itself.
 */
final class Launched {
    /** Per display name (the class's {@code Outer$Sample}, or the test's {@code name(Type)}), how it ended. */
    private final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    /** The class's display name. */
    private final String sampleName;

    private Launched(Class<?> sample) {
        this.sampleName = sample.getName().substring(sample.getPackageName().length() + 1);
    }

    static Launched run(Class<?> sample) {
        Launched launched = new Launched(sample);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(sample))
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.getSource().isPresent()) {
                    launched.results.put(id.getDisplayName(), result);
                }
            }
        });
        return launched;
    }

    /** How the test or container with this display name ended. */
    TestExecutionResult result(String displayName) {
        TestExecutionResult r = results.get(displayName);
        if (r == null) {
            throw new AssertionError("no result for " + displayName + " among " + results.keySet());
        }
        return r;
    }

    boolean succeeded(String displayName) {
        return result(displayName).getStatus() == TestExecutionResult.Status.SUCCESSFUL;
    }

    /** The failure's message, or empty when it succeeded. */
    Optional<String> failure(String displayName) {
        return result(displayName).getThrowable().map(Throwable::getMessage);
    }

    /** Whether the class itself (its callbacks, {@code @BeforeAll} and {@code @AfterAll}) succeeded. */
    boolean classSucceeded() {
        return succeeded(sampleName);
    }

    /** The class's own failure message. */
    Optional<String> classFailure() {
        return failure(sampleName);
    }

    /** Every result, for assertion messages. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        results.forEach((name, r) -> s.append(name).append(": ").append(r.getStatus())
                .append(r.getThrowable().map(t -> " " + t).orElse("")).append('\n'));
        return s.toString();
    }
}
