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
    private volatile @Nullable MethodHandle constructor;
    private volatile MethodHandle @Nullable [] accessors;

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
                String name = n.substring(3, 4).toLowerCase(Locale.ROOT) + n.substring(4);
                byName.putIfAbsent(name, new Property(name, m.getParameterTypes()[0], m.getGenericParameterTypes()[0],
                        true, m));
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || Modifier.isFinal(mod) || f.isSynthetic()) {
                    continue;
                }
                byName.putIfAbsent(f.getName(), new Property(f.getName(), f.getType(), f.getGenericType(),
                        Modifier.isPublic(mod), f));
            }
        }
        return List.copyOf(byName.values());
    }

    /** A record's component values, in declaration order (the order {@link #construct} takes them). */
    @Nullable Object[] components(Object record) {
        Object[] values = new Object[properties.size()];
        components(record, values);
        return values;
    }

    /**
     * A record's component values written into {@code values}, so a caller that reads many records (a bulk write)
     * reuses one array instead of allocating one per record; {@link #construct} does not keep the array either.
     */
    void components(Object record, @Nullable Object[] values) {
        MethodHandle[] handles = accessors();
        for (int i = 0; i < handles.length; i++) {
            values[i] = component(handles, record, i);
        }
    }

    /** One component of a record, read without the others (a bulk upsert's conflict target). */
    @Nullable Object component(Object record, int i) {
        return component(accessors(), record, i);
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

    /** A new record from its component values in declaration order. */
    Object construct(@Nullable Object[] values) {
        MethodHandle c = constructor;
        if (c == null) {
            c = canonical();
            constructor = c;
        }
        try {
            return c.invokeExact(values);
        } catch (Throwable e) {
            throw new MappingException("the constructor of " + type.getName() + " threw " + e, e, ErrorContext.NONE);
        }
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

    /** The canonical constructor taking the components as one {@code Object[]}. */
    MethodHandle canonical() {
        MethodHandle c = exactConstructor();
        return c.asSpreader(Object[].class, c.type().parameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class));
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
