package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows into classes that are not records: through public setters (proved by a setter that transforms and
 * counts), through public fields, and the errors for a missing property, a NULL into a primitive and a Java
 * type Belay cannot read. Table people: (1, ann, 30, annie), (2, bob, NULL, NULL), (3, NULL, 40, NULL).
 */
@FixtureDatabase
final class PojoMappingTest {

    /** Private state, public setters: the setter upper-cases the name and counts its calls. */
    public static final class SetterBean {
        private Long id;
        private String name;
        private int age;
        private int setterCalls;

        public SetterBean() {}

        public void setId(Long id) {
            this.id = id;
            setterCalls++;
        }

        public void setName(String name) {
            this.name = name == null ? null : name.toUpperCase(Locale.ROOT);
            setterCalls++;
        }

        public void setAge(int age) {
            this.age = age;
            setterCalls++;
        }

        Long id() {
            return id;
        }

        String name() {
            return name;
        }

        int age() {
            return age;
        }

        int setterCalls() {
            return setterCalls;
        }
    }

    /** Public fields only, the primitive one for the NULL check. */
    public static final class FieldBean {
        public Long id;
        public String name;
        public int age;
    }

    /** Boxed age, so NULL is fine. */
    public static final class BoxedBean {
        public Long id;
        public Integer age;
    }

    /** A property of a type no reader exists for. */
    public static final class UriBean {
        public URI homepage;
    }

    record UriRecord(URI homepage) {}

    /** The setter lives in the superclass, the field in the subclass. */
    public static class BaseBean {
        private String tag;

        public void setName(String name) {
            this.tag = "base:" + name;
        }

        String tag() {
            return tag;
        }
    }

    public static final class ChildBean extends BaseBean {
        public Long id;
    }

    /** A setter that refuses a value: the failure must come out as a MappingException. */
    public static final class ThrowingBean {
        private String name;

        public void setName(String name) {
            throw new IllegalArgumentException("setter refuses " + name);
        }

        String name() {
            return name;
        }
    }

    /** Not public: its public setter cannot be reached by a public lookup, yet must not be silently skipped. */
    static final class HiddenBean {
        private String name;

        public void setName(String name) {
            this.name = "set:" + name;
        }

        String name() {
            return name;
        }
    }

    static final class SetterPeople extends Table<SetterBean> {
        static final SetterPeople P = new SetterPeople();
        final Column<SetterBean, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<SetterBean, String> name = column("name", PgType.TEXT).nullable();
        final Column<SetterBean, Integer> age = column("age", PgType.INT4).nullable();

        private SetterPeople() {
            super("people", SetterBean.class);
        }
    }

    static final class FieldPeople extends Table<FieldBean> {
        static final FieldPeople F = new FieldPeople();
        final Column<FieldBean, Long> id = column("id", PgType.INT8).primaryKey();
        /** Declared NOT NULL although row 3 holds NULL: reading it must say so. */
        final Column<FieldBean, String> name = column("name", PgType.TEXT);
        final Column<FieldBean, Integer> age = column("age", PgType.INT4).nullable();

        private FieldPeople() {
            super("people", FieldBean.class);
        }
    }

    static final class NicknamePeople extends Table<FieldBean> {
        static final NicknamePeople N = new NicknamePeople();
        final Column<FieldBean, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<FieldBean, String> nickname = column("nickname", PgType.TEXT).nullable();

        private NicknamePeople() {
            super("people", FieldBean.class);
        }
    }

    private static final SetterPeople P = SetterPeople.P;
    private static final FieldPeople F = FieldPeople.F;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE people (id int8 PRIMARY KEY, name text, age int4, nickname text); "
                + "INSERT INTO people VALUES (1, 'ann', 30, 'annie'), (2, 'bob', NULL, NULL), (3, NULL, 40, NULL)");
        db = t.open();
    }

    @Test
    void settersAreCalledThroughRawSql() {
        SetterBean b = db.sql("select id, name, age from people where id = 1").one(SetterBean.class);
        assertEquals(1L, b.id());
        assertEquals("ANN", b.name(), "the setter ran: it upper-cases");
        assertEquals(30, b.age());
        assertEquals(3, b.setterCalls(), "one setter call per column");
    }

    @Test
    void settersAreCalledThroughTheDsl() {
        List<SetterBean> beans = db.exec(select(P).where(P.id.in(1L, 3L)).orderBy(P.id.asc()));
        assertEquals(List.of("ANN", 30, 3), List.of(beans.get(0).name(), beans.get(0).age(), beans.get(0).setterCalls()));
        assertEquals(null, beans.get(1).name());
        assertEquals(3, beans.get(1).setterCalls(), "a NULL also goes through the setter");
    }

    @Test
    void publicFieldsAreSetDirectly() {
        FieldBean raw = db.sql("select id, name, age from people where id = 1").one(FieldBean.class);
        assertEquals(List.of(1L, "ann", 30), List.of(raw.id, raw.name, raw.age));
        FieldBean dsl = db.one(select(F).where(F.id.eq(1L)));
        assertEquals(List.of(1L, "ann", 30), List.of(dsl.id, dsl.name, dsl.age));
    }

    @Test
    void aSetterInheritedFromASuperclassIsUsed() {
        ChildBean c = db.sql("select id, name from people where id = 2").one(ChildBean.class);
        assertEquals(2L, c.id);
        assertEquals("base:bob", c.tag());
    }

    /** One rule for classes and records: a column no property wants is ignored; a property without a column is an error. */
    @Test
    void extraColumnsAreIgnoredAndMissingPropertiesNamed() {
        SetterBean extra = db.sql("select id, nickname, name, age from people where id = 1").one(SetterBean.class);
        assertEquals(List.of(1L, "ANN", 30, 3), List.of(extra.id(), extra.name(), extra.age(), extra.setterCalls()));
        MappingException raw = assertThrows(MappingException.class,
                () -> db.sql("select id, nickname from people where id = 1").one(SetterBean.class));
        assertTrue(raw.getMessage().startsWith("SetterBean.name, SetterBean.age have no column in the result")
                && raw.getMessage().contains("\"nickname\""), raw.getMessage());
        MappingException dsl = assertThrows(MappingException.class,
                () -> db.exec(select(NicknamePeople.N).where(NicknamePeople.N.id.eq(1L))));
        assertTrue(dsl.getMessage().contains("FieldBean.name") && dsl.getMessage().contains("nickname"),
                dsl.getMessage());
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void nullIntoAPrimitiveSetterOrFieldNamesTheColumn() {
        MappingException setter = assertThrows(MappingException.class,
                () -> db.sql("select id, name, age from people where id = 2").one(SetterBean.class));
        assertTrue(setter.getMessage().contains("\"age\"") && setter.getMessage().contains("primitive"),
                setter.getMessage());
        assertTrue(setter.column() != null && setter.column().contains("age"), setter.column());
        MappingException field = assertThrows(MappingException.class,
                () -> db.sql("select id, name, age from people where id = 2").one(FieldBean.class));
        assertTrue(field.getMessage().contains("\"age\"") && field.getMessage().contains("FieldBean.age"),
                field.getMessage());
        MappingException dsl = assertThrows(MappingException.class, () -> db.one(select(P).where(P.id.eq(2L))));
        assertTrue(dsl.getMessage().contains("age"), dsl.getMessage());
        BoxedBean boxed = db.sql("select id, age from people where id = 2").one(BoxedBean.class);
        assertEquals(null, boxed.age);
    }

    @Test
    void nullInAColumnTheDescriptorSaysIsNotNullNamesIt() {
        MappingException e = assertThrows(MappingException.class, () -> db.one(select(F).where(F.id.eq(3L))));
        assertTrue(e.getMessage().contains("\"name\"") && e.getMessage().contains("not nullable"), e.getMessage());
    }

    @Test
    void anUnsupportedJavaTypeNamesTheColumnAndTheType() {
        MappingException bean = assertThrows(MappingException.class,
                () -> db.sql("select 'https://example.org' as homepage").one(UriBean.class));
        assertTrue(bean.getMessage().contains("homepage") && bean.getMessage().contains("java.net.URI"),
                bean.getMessage());
        assertTrue(bean.column() != null && bean.column().contains("homepage"), bean.column());
        MappingException record = assertThrows(MappingException.class,
                () -> db.sql("select 'https://example.org' as homepage").one(UriRecord.class));
        assertTrue(record.getMessage().contains("homepage") && record.getMessage().contains("java.net.URI"),
                record.getMessage());
    }

    /** Unclear/bug: a record constructor that throws becomes a MappingException; a bean setter's exception escapes raw. */
    @Test
    void aSetterThatThrowsIsAMappingError() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> db.sql("select name from people where id = 1").fetch(ThrowingBean.class));
        MappingException m = assertInstanceOf(MappingException.class, e);
        assertTrue(m.getMessage().contains("ThrowingBean"), m.getMessage());
        assertInstanceOf(IllegalArgumentException.class, m.getCause());
        assertEquals(0, db.poolStats().active());
    }

    /** Regression: when the class is not public the public setter is skipped and the field written behind its back. */
    @Test
    void aNonPublicClassStillGoesThroughItsSetter() {
        HiddenBean h;
        try {
            h = db.sql("select name from people where id = 1").one(HiddenBean.class);
        } catch (MappingException refused) {
            assertTrue(refused.getMessage().contains("HiddenBean"), refused.getMessage());
            return;
        }
        assertSame(HiddenBean.class, h.getClass());
        assertEquals("set:ann", h.name(), "either the setter runs or mapping is refused, never a silent bypass");
    }

    /** A JavaBeans acronym property: {@code setURL} is the property {@code URL}, behind the field {@code url}. */
    public static final class Link {
        private String url;
        private String displayName;

        public String getURL() {
            return url;
        }

        public void setURL(String url) {
            this.url = "set:" + url;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }
    }

    /** record with a component PostgreSQL's folding of an unquoted alias (AS displayName) turns into displayname. */
    record Shown(String url, String displayName) {}

    @Test
    void aColumnMatchesAPropertyRegardlessOfCaseWhenNoneMatchesExactly() {
        Link l = db.sql("select 'http://x' as url, 'X' as displayName").one(Link.class);
        assertEquals("set:http://x", l.getURL(), "through the setter, once");
        assertEquals("X", l.getDisplayName());
        assertEquals(new Shown("http://x", "X"), db.sql("select 'http://x' as url, 'X' as displayName").one(Shown.class));
    }
}
