package dev.belay.executor;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps a row into a record (or a tuple) through one method handle tree, built once per mapping plan: the canonical
 * constructor with each argument filled by its column's reader, read straight from the result set. A row costs
 * the record and its values only; no argument array is filled and spread per row, and a primitive component read
 * by a {@link PrimitiveReaders} reader is never boxed.
 *
 * <p>From a plan's second execution on ({@link #current}), its tree runs as a constant in a class of its own
 * ({@link ConstantRow}), so the JIT compiles every reader, getter and the constructor into one method. Defining that
 * class costs about 0.05 to 0.1 ms and 3 KB of metaspace, which a statement shape run only once never pays. Until
 * then, and where hidden classes cannot be defined (the template's bytes are not readable, as in some native images),
 * the tree is called through this class's field: same results and errors, a little slower per row. Streaming
 * 1,000,000 rows of three columns, the constant form took 2 to 4 % less client CPU than the field form in separate
 * runs (StreamBench, Java 17); the field form is itself about 15 % cheaper per fetch than the loop of readers filling
 * an array spread into the constructor before it.
 */
final class RecordMapper implements RowMapper<Object> {
    private static final MethodHandle READ;
    private static final MethodHandle CONSTRUCTOR_FAILED;
    /** Executions of a plan on the field form before it gets a class of its own. */
    private static final int FIELD_EXECUTIONS = 1;
    /** {@link ConstantRow}'s class file, or null where it cannot be read. */
    private static final byte @Nullable [] TEMPLATE = template();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READ = lookup.findVirtual(Reader.class, "read",
                    MethodType.methodType(Object.class, ResultSet.class, int.class));
            CONSTRUCTOR_FAILED = lookup.findStatic(RecordMapper.class, "constructorFailed",
                    MethodType.methodType(Object.class, Class.class, Throwable.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MethodHandle row;
    private final Class<?> type;
    /** Racy on purpose: a lost count only defines the class one execution later. */
    private int executions;
    private volatile @Nullable RowMapper<Object> promoted;

    private RecordMapper(MethodHandle row, Class<?> type) {
        this.row = row;
        this.type = type;
    }

    /**
     * @param constructor the canonical constructor, with its declared parameter types
     * @param components  per constructor parameter, a handle {@code (ResultSet) -> that parameter's type}
     */
    static RecordMapper of(Class<?> type, MethodHandle constructor, MethodHandle[] components) {
        return new RecordMapper(tree(type, constructor, components), type);
    }

    /**
     * The mapper for the plan's next execution: this one (the field form) for the first, then the plan's own class,
     * defined once; this one for good where that class cannot be defined.
     */
    RowMapper<Object> current() {
        RowMapper<Object> p = promoted;
        if (p != null) {
            return p;
        }
        if (executions++ < FIELD_EXECUTIONS) {
            return this;
        }
        return promote();
    }

    /** The plan's own class, defined now if it was not yet (or this mapper, where none can be defined). */
    RowMapper<Object> promote() {
        RowMapper<Object> p = promoted;
        if (p == null) {
            RowMapper<Object> constant = constant(row, type);
            p = constant != null ? constant : this;
            promoted = p;
        }
        return p;
    }

    private static MethodHandle tree(Class<?> type, MethodHandle constructor, MethodHandle[] components) {
        MethodType ctorType = constructor.type();
        // only the constructor's own failures are "the constructor threw": the readers' errors already name a column
        MethodHandle failed = MethodHandles.dropArguments(
                MethodHandles.insertArguments(CONSTRUCTOR_FAILED, 0, type), 1, ctorType.parameterList())
                .asType(ctorType.changeReturnType(Object.class).insertParameterTypes(0, Throwable.class));
        MethodHandle guarded = MethodHandles.catchException(constructor.asType(ctorType.changeReturnType(Object.class)),
                Throwable.class, failed);
        MethodHandle spread = MethodHandles.filterArguments(guarded, 0, components);
        return MethodHandles.permuteArguments(spread, MethodType.methodType(Object.class, ResultSet.class),
                new int[components.length]);
    }

    /** A hidden copy of {@link ConstantRow} holding {@code row} as a constant, or null where none can be defined. */
    @SuppressWarnings("unchecked")
    private static @Nullable RowMapper<Object> constant(MethodHandle row, Class<?> type) {
        if (TEMPLATE == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(TEMPLATE, List.of(row, type), true);
            return (RowMapper<Object>) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a runtime that cannot define hidden classes, whatever it throws for that (an Error of its own, an
            // UnsupportedOperationException): the field form maps the same rows with the same errors
            return null;
        }
    }

    private static byte @Nullable [] template() {
        try (InputStream in = RecordMapper.class.getResourceAsStream("ConstantRow.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** A handle {@code (ResultSet) -> component} reading 1-based {@code column} with {@code reader}. */
    static MethodHandle component(Reader reader, int column, Class<?> componentType) {
        return MethodHandles.insertArguments(READ.bindTo(reader), 1, column)
                .asType(MethodType.methodType(componentType, ResultSet.class));
    }

    @Override
    public Object map(ResultSet rs) throws SQLException {
        try {
            return (Object) row.invokeExact(rs);
        } catch (SQLException | BelayException | Error e) {
            throw e; // a reader's (naming its column), the driver's, or the constructor's, already wrapped
        } catch (Throwable e) {
            throw failed(type, e);
        }
    }

    /** A value of the wrong class from a misbehaving Converter fails the cast before the constructor. */
    static MappingException failed(Class<?> type, Throwable e) {
        return new MappingException("creating " + type.getName() + " failed: " + e, e, ErrorContext.NONE);
    }

    @SuppressWarnings("unused") // called through CONSTRUCTOR_FAILED
    private static Object constructorFailed(Class<?> type, Throwable e) {
        if (e instanceof RuntimeException) {
            throw new MappingException("the constructor of " + type.getName() + " threw " + e, e, ErrorContext.NONE);
        }
        throw failed(type, e);
    }
}
