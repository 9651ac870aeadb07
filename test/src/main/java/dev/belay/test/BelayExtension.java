package dev.belay.test;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link BelayTest}; annotate the class with {@code @BelayTest} rather than
 * registering this directly. {@code @ExtendWith(BelayExtension.class)} alone gives the defaults: no scripts, no
 * rollback, a pool of 4.
 *
 * <p>Per class it creates the database ({@code beforeAll}), resolves {@code DBConnection} and
 * {@link TestDatabase} parameters, checks the pools for lent-out connections ({@code beforeEach} for what
 * {@code @BeforeAll} borrowed, {@code afterEach} for the test), wraps test methods in a rolled-back transaction
 * when asked, and closes the pools and drops the database ({@code afterAll}).
 */
public final class BelayExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver, InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BelayExtension.class);
    private static final String STATE = "class database";
    /** Creating a class's database happens once, whichever of constructor or beforeAll asks first. */
    private static final Object CREATING = new Object();

    /** Called by JUnit, for {@code @ExtendWith(BelayExtension.class)} (which {@link BelayTest} carries). */
    public BelayExtension() {
    }

    /** Creates the class's database and runs its scripts, unless a {@code @Nested} class reuses its outer one. */
    @Override
    public void beforeAll(ExtensionContext context) {
        ensure(context);
    }

    /** Fails the first test when what ran before it ({@code @BeforeAll}, the constructor) left a connection lent out. */
    @Override
    public void beforeEach(ExtensionContext context) {
        ClassDatabase state = state(context);
        if (state != null) {
            state.requireNoneLentOut("before " + testName(context) + ", after what ran before it (@BeforeAll, the "
                    + "test's constructor, an earlier test)");
        }
    }

    /** Fails the test when a pool of its class still has a connection lent out after it. */
    @Override
    public void afterEach(ExtensionContext context) {
        ClassDatabase state = state(context);
        if (state != null) {
            state.requireNoneLentOut("after " + testName(context));
        }
    }

    /** Checks and closes the class's pools, then drops its database. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ClassDatabase state = store.get(STATE, ClassDatabase.class);
        if (state == null || !state.ownedBy(context.getUniqueId())) {
            return;
        }
        store.remove(STATE);
        state.close();
    }

    /** {@code DBConnection} and {@link TestDatabase} parameters. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DBConnection.class || type == TestDatabase.class;
    }

    /** The class's pool (opened on first use) or its {@link TestDatabase}. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassDatabase state = state(context);
        if (state == null && context.getTestMethod().isEmpty()) {
            state = ensure(context); // a constructor with PER_CLASS lifecycle runs before beforeAll
        }
        if (state == null) {
            throw new ParameterResolutionException("no test database for " + parameter.getDeclaringExecutable()
                    + ": it is created for the class, so annotate the class with @BelayTest");
        }
        return parameter.getParameter().getType() == TestDatabase.class ? state.database() : state.pool();
    }

    /** With {@link BelayTest#rollbackEachTest()}, runs the test inside a transaction that is rolled back. */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        rollbackIfAsked(invocation, call, context);
    }

    /** As {@link #interceptTestMethod}, for each invocation of a parameterized or repeated test. */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        rollbackIfAsked(invocation, call, context);
    }

    private static void rollbackIfAsked(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                        ExtensionContext context) throws Throwable {
        ClassDatabase state = state(context);
        if (state == null || !state.settings().rollbackEachTest()) {
            invocation.proceed();
            return;
        }
        DBConnection pool = state.pool();
        Throwable failure;
        try {
            // Belay's transactions are callbacks: the test runs inside the body, which then always throws, so the
            // transaction always rolls back. Its outcome travels in the exception, unchanged, whatever it is.
            pool.transaction(tx -> {
                throw new Undo(run(invocation, call, pool, tx));
            });
            throw new IllegalStateException("unreachable: the transaction body always throws");
        } catch (Undo undo) {
            failure = undo.failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Runs the test with the transaction's handle in place of the pool among its arguments: JUnit's invocation
     * cannot change its arguments, so then the kit skips it and calls the method itself.
     *
     * @return what the test threw, or null
     */
    private static @Nullable Throwable run(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                           DBConnection pool, DBConnection tx) {
        try {
            List<Object> arguments = call.getArguments();
            Object[] swapped = arguments.toArray();
            boolean any = false;
            for (int i = 0; i < swapped.length; i++) {
                if (swapped[i] == pool) {
                    swapped[i] = tx;
                    any = true;
                }
            }
            if (any) {
                invocation.skip();
                ReflectionSupport.invokeMethod(call.getExecutable(), call.getTarget().orElse(null), swapped);
            } else {
                invocation.proceed();
            }
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** Carries a test's outcome out of the transaction it ran in, and makes that transaction roll back. */
    private static final class Undo extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient @Nullable Throwable failure;

        Undo(@Nullable Throwable failure) {
            super("rolled back after the test", null, false, false);
            this.failure = failure;
        }
    }

    /** This context's database, or its enclosing class's. */
    private static @Nullable ClassDatabase state(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(STATE, ClassDatabase.class);
    }

    /**
     * The class context's database: the one it created, else its enclosing class's when it has no
     * {@link BelayTest} of its own, else a new one.
     */
    private static ClassDatabase ensure(ExtensionContext context) {
        synchronized (CREATING) {
            ClassDatabase existing = state(context);
            Class<?> testClass = context.getRequiredTestClass();
            Optional<BelayTest> own = AnnotationSupport.findAnnotation(testClass, BelayTest.class);
            if (existing != null && (existing.ownedBy(context.getUniqueId()) || own.isEmpty())) {
                return existing;
            }
            ClassDatabase.Settings settings = own.map(BelayExtension::settings).orElse(ClassDatabase.Settings.DEFAULT);
            ClassDatabase created = ClassDatabase.create(PostgresServer.find(), testClass, settings,
                    context.getUniqueId());
            context.getStore(NAMESPACE).put(STATE, created);
            return created;
        }
    }

    private static ClassDatabase.Settings settings(BelayTest annotation) {
        if (annotation.poolSize() < 1) {
            throw new IllegalArgumentException("@BelayTest(poolSize = " + annotation.poolSize() + "): a pool needs "
                    + "at least one connection");
        }
        UnaryOperator<DBConfig.Builder> configure = ReflectionSupport.newInstance(annotation.configure());
        return new ClassDatabase.Settings(List.of(annotation.scripts()), annotation.rollbackEachTest(),
                annotation.poolSize(), configure);
    }

    private static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + " " + context.getDisplayName();
    }
}
