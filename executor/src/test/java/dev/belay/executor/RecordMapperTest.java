package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The record mapper in both its forms, the tree as a constant of a hidden class of its own and the tree in a field
 * (a plan's first execution, and where hidden classes cannot be defined): same records, same errors. The rows are a hand stub whose
 * {@code getObject(i)} returns the i-th value; the execution tests read real results through the constant form.
 */
class RecordMapperTest {
    record Item(long id, String name, Integer n) {}

    record Positive(long id, String name, Integer n) {
        Positive {
            if (id <= 0) {
                throw new IllegalArgumentException("id must be positive");
            }
        }
    }

    private static final Reader VALUE = ResultSet::getObject;

    private static ResultSet row(Object... values) {
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getObject") && args.length == 1) {
                        Object v = values[(Integer) args[0] - 1];
                        if (v instanceof SQLException e) {
                            throw e;
                        }
                        return v;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RowMapper<Object> mapper(boolean constant, Class<?> type, Reader... readers) throws Exception {
        MethodHandle constructor = MethodHandles.lookup().findConstructor(type,
                MethodType.methodType(void.class, long.class, String.class, Integer.class));
        MethodHandle[] components = new MethodHandle[readers.length];
        for (int i = 0; i < readers.length; i++) {
            components[i] = RecordMapper.component(readers[i], i + 1, constructor.type().parameterType(i));
        }
        RecordMapper field = RecordMapper.of(type, constructor, components);
        return constant ? field.promote() : field;
    }

    private static RowMapper<Object> mapper(boolean constant, Class<?> type) throws Exception {
        return mapper(constant, type, VALUE, VALUE, VALUE);
    }

    @ParameterizedTest(name = "constant: {0}")
    @ValueSource(booleans = {true, false})
    void mapsEveryComponentFromItsColumn(boolean constant) throws Exception {
        RowMapper<Object> m = mapper(constant, Item.class);
        assertEquals(constant, m.getClass().isHidden(), "the constant form is a class of its own: " + m.getClass());
        assertEquals(new Item(7L, "seven", null), m.map(row(7L, "seven", null)));
        assertEquals(new Item(-1L, "", 3), m.map(row(-1L, "", 3)));
    }

    @ParameterizedTest(name = "constant: {0}")
    @ValueSource(booleans = {true, false})
    void aConstructorThatThrowsIsNamed(boolean constant) throws Exception {
        MappingException e = assertThrows(MappingException.class,
                () -> mapper(constant, Positive.class).map(row(0L, "zero", 1)));
        assertTrue(e.getMessage().startsWith("the constructor of " + Positive.class.getName()
                + " threw java.lang.IllegalArgumentException: id must be positive"), e.getMessage());
    }

    @ParameterizedTest(name = "constant: {0}")
    @ValueSource(booleans = {true, false})
    void aDriverErrorPassesThroughUnwrapped(boolean constant) throws Exception {
        SQLException lost = new SQLException("connection lost", "08006");
        assertSame(lost, assertThrows(SQLException.class, () -> mapper(constant, Item.class).map(row(1L, lost, 2))));
    }

    @ParameterizedTest(name = "constant: {0}")
    @ValueSource(booleans = {true, false})
    void aValueOfTheWrongClassIsAMappingErrorNamingTheType(boolean constant) throws Exception {
        Reader wrong = (rs, i) -> 42; // a misbehaving Converter's value, for a String component
        MappingException e = assertThrows(MappingException.class,
                () -> mapper(constant, Item.class, VALUE, wrong, VALUE).map(row(1L, "x", 2)));
        assertTrue(e.getMessage().startsWith("creating " + Item.class.getName() + " failed: java.lang.ClassCastException"),
                e.getMessage());
    }

    @ParameterizedTest(name = "constant: {0}")
    @ValueSource(booleans = {true, false})
    void nullIntoAPrimitiveIsNotAZero(boolean constant) throws Exception {
        // the boxed readers refuse it first, naming the column (Readers.forType); a tree fed null anyway makes no 0
        MappingException e = assertThrows(MappingException.class,
                () -> mapper(constant, Item.class).map(row(null, "x", 2)));
        assertTrue(e.getCause() instanceof NullPointerException, String.valueOf(e.getCause()));
    }

    @Test
    void aPlanRunsItsFirstExecutionOnTheFieldFormAndTheRestOnItsOwnClass() throws Exception {
        RecordMapper field = (RecordMapper) mapper(false, Item.class);
        assertSame(field, field.current(), "a statement shape run once defines no class");
        RowMapper<Object> second = field.current();
        assertTrue(second.getClass().isHidden(), second.getClass().getName());
        assertSame(second, field.current());
        assertSame(second, field.promote());
        assertEquals(new Item(3L, "c", 3), second.map(row(3L, "c", 3)));
    }

    @Test
    void eachPlanHasItsOwnClassSoEachTreeStaysAConstant() throws Exception {
        RowMapper<Object> first = mapper(true, Item.class);
        RowMapper<Object> second = mapper(true, Positive.class);
        assertNotSame(first.getClass(), second.getClass());
        assertEquals(new Item(1L, "a", 1), first.map(row(1L, "a", 1)));
        assertEquals(new Positive(2L, "b", 2), second.map(row(2L, "b", 2)));
    }
}
