package dev.belay.executor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The properties rows are written into for one user class, found once per class and shared by every plan.
 * One rule for records and classes: a record's properties are its components; a class's are its public
 * setters ({@code setName}) and public fields, plus its other non-static, non-final, non-transient fields.
 * Components, setters and public fields are <em>required</em> (each needs a column); the non-public fields
 * are filled when a column names them and left as constructed otherwise. Method handles are made only for
 * properties a result uses.
 */
final class RowClass {
    private static final ClassValue<RowClass> CACHE = new ClassValue<>() {
        @Override
        protected RowClass computeValue(Class<?> type) {
            return new RowClass(type);
        }
    };

    /** One writable property. {@code member} is a record component's accessor, a setter or a field. */
    record Property(String name, Class<?> type, @Nullable Type generic, boolean required, Member member) {}

    final Class<?> type;
    final List<Property> properties;
    /** {@code (Object[][] sources, int row) -> record}: see {@link #construct}. */
    private volatile @Nullable MethodHandle fromColumns;
    private volatile MethodHandle @Nullable [] accessors;
    /** {@code (Object[][] columns, int row, Object record) -> void}: see {@link #components(List)}. */
    private volatile @Nullable MethodHandle columnReader;

    private RowClass(Class<?> type) {
        this.type = type;
        this.properties = type.isRecord() ? components(type) : beanProperties(type);
    }

    static RowClass of(Class<?> type) {
        return CACHE.get(type);
    }

    boolean isRecord() {
        return type.isRecord();
    }

    String simpleName() {
        return type.getSimpleName();
    }

    private static List<Property> components(Class<?> type) {
        List<Property> list = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            list.add(new Property(rc.getName(), rc.getType(), rc.getGenericType(), true, rc.getAccessor()));
        }
        return List.copyOf(list);
    }

    private static List<Property> beanProperties(Class<?> type) {
        Map<String, Property> byName = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (n.length() > 3 && n.startsWith("set") && m.getParameterCount() == 1
                    && !Modifier.isStatic(m.getModifiers()) && !m.isBridge()) {
                String name = decapitalize(n.substring(3));
                byName.putIfAbsent(name, new Property(name, m.getParameterTypes()[0], m.getGenericParameterTypes()[0],
                        true, m));
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || Modifier.isFinal(mod) || f.isSynthetic()
                        || setterCovers(byName, f.getName())) {
                    continue;
                }
                byName.putIfAbsent(f.getName(), new Property(f.getName(), f.getType(), f.getGenericType(),
                        Modifier.isPublic(mod), f));
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * A property's name from its setter's, as JavaBeans has it: {@code setName} is {@code name}, but {@code setURL} is
     * {@code URL} (an acronym keeps its case), which a column {@code url} matches regardless of case.
     */
    static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** The field behind a setter's property ({@code url} behind {@code setURL}) is that property, not another. */
    private static boolean setterCovers(Map<String, Property> byName, String field) {
        for (Property p : byName.values()) {
            if (p.member() instanceof Method && p.name().equalsIgnoreCase(field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every record's components, one array per component ({@link #componentArrays}): a bulk upsert reads its input
     * this way before it takes a connection, to check its conflict keys; it sends and returns records made from
     * these arrays.
     */
    @Nullable Object[][] components(List<?> records) {
        Object[][] columns = componentArrays(records.size());
        for (int i = 0; i < records.size(); i++) {
            components(records.get(i), columns, i);
        }
        return columns;
    }

    /** One record's components, into {@code columns[component][row]}: see {@link #components(List)}. */
    void components(Object record, @Nullable Object[][] columns, int row) {
        MethodHandle all = columnReader;
        if (all == null) {
            all = reader();
            columnReader = all;
        }
        try {
            all.invokeExact(columns, row, record);
        } catch (Throwable e) {
            throw readFailed(record, e);
        }
    }

    /** The accessor that threw, found by reading the components one by one, since a combined handle does not say. */
    private MappingException readFailed(Object record, Throwable e) {
        MethodHandle[] handles = accessors();
        for (int i = 0; i < handles.length; i++) {
            component(handles, record, i);
        }
        return new MappingException("reading " + type.getSimpleName() + " threw " + e, e, ErrorContext.NONE);
    }

    /**
     * {@code (Object[][] columns, int row, Object record) -> void}, storing component {@code p} into
     * {@code columns[p][row]}: one call per record, not one per component. Once invoked often, the JDK specializes the
     * handle for itself, and the JIT then inlines the accessors into it, which per-component handles read from an
     * array never allow.
     */
    private MethodHandle reader() {
        // (Object[][] columns, int component, int row, Object value) -> columns[component][row] = value
        MethodHandle store = MethodHandles.collectArguments(MethodHandles.arrayElementSetter(Object[].class), 0,
                MethodHandles.arrayElementGetter(Object[][].class));
        MethodHandle[] handles = accessors();
        MethodHandle all = MethodHandles.empty(MethodType.methodType(void.class, Object[][].class, int.class,
                Object.class));
        for (int i = handles.length - 1; i >= 0; i--) {
            MethodHandle one = MethodHandles.filterArguments(MethodHandles.insertArguments(store, 1, i), 2, handles[i]);
            all = MethodHandles.foldArguments(all, one);
        }
        return all;
    }

    private @Nullable Object component(MethodHandle[] handles, Object record, int i) {
        try {
            return handles[i].invokeExact(record);
        } catch (Throwable e) {
            throw new MappingException("reading " + type.getSimpleName() + "." + properties.get(i).name()
                    + " threw " + e, e, ErrorContext.NONE);
        }
    }

    private MethodHandle[] accessors() {
        MethodHandle[] handles = accessors;
        if (handles == null) {
            handles = new MethodHandle[properties.size()];
            for (int i = 0; i < handles.length; i++) {
                Method m = (Method) properties.get(i).member();
                try {
                    m.setAccessible(true);
                    handles[i] = MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class,
                            Object.class));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new MappingException("cannot read " + type.getName() + "." + m.getName() + ": " + e
                            + " (on the module path, open its package to dev.belay.executor)", e, ErrorContext.NONE);
                }
            }
            accessors = handles;
        }
        return handles;
    }

    /**
     * A new record whose component {@code p} is {@code sources[p][row]}: the records a bulk write returns, made from
     * the columns that came back and the input's own values without copying them into an array of arguments first.
     * Each {@code sources[p]} is an array of the component's class ({@link #arrayOf}).
     */
    Object construct(@Nullable Object[][] sources, int row) {
        MethodHandle c = fromColumns;
        if (c == null) {
            c = fromColumns();
            fromColumns = c;
        }
        try {
            return c.invokeExact(sources, row);
        } catch (Throwable e) {
            throw new MappingException("the constructor of " + type.getName() + " threw " + e, e, ErrorContext.NONE);
        }
    }

    /**
     * {@code (Object[][] sources, int row) -> record}: the canonical constructor with argument {@code p} read from
     * {@code sources[p][row]}, an array of its class, so only the array is cast. One handle, which the JDK specializes
     * once invoked often, so that the JIT compiles it to the constructor call itself.
     */
    private MethodHandle fromColumns() {
        MethodHandle c = exactConstructor();
        int n = c.type().parameterCount();
        MethodHandle column = MethodHandles.arrayElementGetter(Object[][].class);
        for (int p = n - 1; p >= 0; p--) {
            Class<?> param = c.type().parameterType(p);
            Class<?> array = arrayOf(param, 0).getClass();
            // (Object[][] sources, int row) -> ((T[]) sources[p])[row], in place of the constructor's parameter p
            MethodHandle values = MethodHandles.insertArguments(column, 1, p)
                    .asType(MethodType.methodType(array, Object[][].class));
            MethodHandle value = MethodHandles.collectArguments(MethodHandles.arrayElementGetter(array), 0, values);
            c = MethodHandles.collectArguments(c, p, value.asType(MethodType.methodType(param, Object[][].class,
                    int.class)));
        }
        int[] sourcesThenRow = new int[2 * n];
        for (int p = 0; p < n; p++) {
            sourcesThenRow[2 * p + 1] = 1;
        }
        return MethodHandles.permuteArguments(c, MethodType.methodType(type, Object[][].class, int.class),
                sourcesThenRow).asType(MethodType.methodType(Object.class, Object[][].class, int.class));
    }

    /**
     * One array per component, each of the component's class (boxed for a primitive), for {@link #components(List)}
     * and {@link #construct}: values read from an array of their own class need no cast, and a cast
     * would read each value's header from memory, which for values read long before is a cache miss each.
     */
    @Nullable Object[][] componentArrays(int rows) {
        Object[][] arrays = new Object[properties.size()][];
        for (int p = 0; p < arrays.length; p++) {
            arrays[p] = arrayOf(properties.get(p).type(), rows);
        }
        return arrays;
    }

    /** An array for {@code rows} values of {@code type}, boxed for a primitive. */
    static Object[] arrayOf(Class<?> type, int rows) {
        return (Object[]) java.lang.reflect.Array.newInstance(MethodType.methodType(type).wrap().returnType(), rows);
    }

    /** The index of the property named {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The canonical constructor with its declared parameter types, for a row mapper that fills them one by one. */
    MethodHandle exactConstructor() {
        Class<?>[] params = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> c = type.getDeclaredConstructor(params);
            c.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("cannot use the canonical constructor of " + type.getName() + ": " + e
                    + " (on the module path, open its package to dev.belay.executor)", e, ErrorContext.NONE);
        }
    }

    MethodHandle noArg() {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(c).asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(type.getName() + " is not a record and has no usable no-argument constructor: "
                    + e, e, ErrorContext.NONE);
        }
    }

    /** A handle {@code (Object bean, Object value) -> void} writing {@code p}. */
    MethodHandle setter(Property p, ColumnRef col) {
        try {
            MethodHandle h;
            if (p.member() instanceof Method m) {
                // a public setter of a non-public class is only reachable once made accessible
                m.setAccessible(true);
                h = MethodHandles.lookup().unreflect(m);
            } else {
                Field f = (Field) p.member();
                f.setAccessible(true);
                h = MethodHandles.lookup().unreflectSetter(f);
            }
            return h.asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw col.error("cannot write " + type.getName() + "." + p.name() + ": " + e + " (on the module path, "
                    + "open its package to dev.belay.executor)", e);
        }
    }
}
