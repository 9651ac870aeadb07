package dev.belay.executor;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The template of a record mapper's own class. {@link RecordMapper} defines a hidden copy of this class for each
 * mapping plan, with the plan's handle tree and record type as the copy's class data; this class itself is never
 * loaded as a mapper.
 *
 * <p>Why a class per plan: a handle held in a {@code static final} field is a constant to the JIT, which then
 * compiles the whole tree (every column's reader and getter, the constructor) into {@link #map} as plain code. A
 * handle held in an instance field is not: each row calls through it, and the record is built behind that call.
 */
final class ConstantRow implements RowMapper<Object> {
    private static final MethodHandle ROW = classData(0, MethodHandle.class);
    private static final Class<?> TYPE = classData(1, Class.class);

    private static <T> T classData(int index, Class<T> type) {
        try {
            return MethodHandles.classDataAt(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, type, index);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@link RecordMapper#map}'s body, repeated on purpose: only here is the handle a constant to the JIT. */
    @Override
    public Object map(ResultSet rs) throws SQLException {
        try {
            return (Object) ROW.invokeExact(rs);
        } catch (SQLException | BelayException | Error e) {
            throw e; // a reader's (naming its column), the driver's, or the constructor's, already wrapped
        } catch (Throwable e) {
            throw RecordMapper.failed(TYPE, e);
        }
    }
}
