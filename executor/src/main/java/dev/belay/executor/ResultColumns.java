package dev.belay.executor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PgResultSetMetaData;

/**
 * The columns of one result as PostgreSQL described them: count, labels and type OIDs. A mapping plan keeps
 * the columns it was built from and is used only for a result whose columns are the same, so a view
 * re-created with its columns reordered or retyped gets a new plan instead of values in the wrong fields.
 *
 * <p>pgjdbc keeps each column's OID in its result metadata but exposes only the type name, and reading the
 * name can cost a catalog query (it checks whether the column is a serial). So the OIDs are read from the
 * metadata's field descriptors directly, which is cheap enough to do for every execution; a driver whose
 * metadata is not pgjdbc's falls back to the JDBC type code and name.
 */
final class ResultColumns {
    private static final @Nullable VarHandle PG_FIELDS = pgFields();

    private final String[] labels;
    private final int[] oids;

    private ResultColumns(String[] labels, int[] oids) {
        this.labels = labels;
        this.oids = oids;
    }

    static ResultColumns of(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        String[] labels = new String[n];
        int[] oids = new int[n];
        org.postgresql.core.@Nullable Field[] fields = fields(md);
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            oids[i] = fields != null ? fields[i].getOID() : md.getColumnType(i + 1);
        }
        return new ResultColumns(labels, oids);
    }

    /** Same count, labels and types, compared in place without copying anything. */
    boolean sameAs(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        if (n != labels.length) {
            return false;
        }
        org.postgresql.core.@Nullable Field[] fields = fields(md);
        for (int i = 0; i < n; i++) {
            int oid = fields != null ? fields[i].getOID() : md.getColumnType(i + 1);
            if (oid != oids[i] || !labels[i].equals(md.getColumnLabel(i + 1))) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return labels.length;
    }

    String label(int i) {
        return labels[i];
    }

    List<String> labels() {
        return List.of(labels);
    }

    /**
     * Each column's type name ({@code int4}, {@code _text}, {@code mood}), from the connection's type cache;
     * called only while a plan is built.
     */
    String[] typeNames(ResultSetMetaData md, Connection c) throws SQLException {
        String[] names = new String[labels.length];
        BaseConnection pg = c.isWrapperFor(BaseConnection.class) ? c.unwrap(BaseConnection.class) : null;
        boolean byOid = pg != null && fields(md) != null;
        for (int i = 0; i < names.length; i++) {
            names[i] = byOid ? pg.getTypeInfo().getPGType(oids[i]) : md.getColumnTypeName(i + 1);
        }
        return names;
    }

    /** Column refs for error messages, one per column. */
    ColumnRef[] refs(String[] typeNames) {
        ColumnRef[] refs = new ColumnRef[labels.length];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = new ColumnRef(labels[i], typeNames[i], null);
        }
        return refs;
    }

    /** Labels that occur more than once. */
    List<String> duplicates() {
        List<String> dups = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < i; j++) {
                if (labels[i].equals(labels[j]) && !dups.contains(labels[i])) {
                    dups.add(labels[i]);
                }
            }
        }
        return dups;
    }

    private static org.postgresql.core.@Nullable Field[] fields(ResultSetMetaData md) throws SQLException {
        if (PG_FIELDS == null) {
            return null;
        }
        PgResultSetMetaData pg = md instanceof PgResultSetMetaData p ? p
                : md.isWrapperFor(PgResultSetMetaData.class) ? md.unwrap(PgResultSetMetaData.class) : null;
        return pg == null ? null : (org.postgresql.core.Field[]) PG_FIELDS.get(pg);
    }

    private static @Nullable VarHandle pgFields() {
        try {
            return MethodHandles.privateLookupIn(PgResultSetMetaData.class, MethodHandles.lookup())
                    .findVarHandle(PgResultSetMetaData.class, "fields", org.postgresql.core.Field[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another pgjdbc layout: fall back to JDBC type codes
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(labels);
    }
}
