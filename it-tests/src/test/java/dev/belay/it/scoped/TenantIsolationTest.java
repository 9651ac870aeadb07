package dev.belay.it.scoped;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.scoped.Tenants.LabelTable.LABEL;
import static dev.belay.it.scoped.Tenants.NoteTable.NOTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Cte;
import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.ValuesTable2;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RowNotFoundException;
import dev.belay.executor.Upserted;
import dev.belay.it.scoped.Tenants.Label;
import dev.belay.it.scoped.Tenants.LabelTable;
import dev.belay.it.scoped.Tenants.Note;
import dev.belay.it.scoped.Tenants.NoteTable;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every statement kind and clause the DSL and the executor can build through a table scoped to tenant 1, run on
 * PostgreSQL with the rows of tenants 1 and 2: none returns a row of tenant 2, and after each one tenant 2's rows
 * are exactly as they were.
 */
@BelayTest
final class TenantIsolationTest {
    private static final NoteTable N1 = NOTE.scoped(NOTE.TENANT_ID.eq(1L));
    private static final LabelTable L1 = LABEL.scoped(LABEL.TENANT_ID.eq(1L));
    /** Every body and label name of tenant 2 starts with this; no read through a tenant 1 table may see one. */
    private static final String OTHER = "t2-";

    private DBConnection db;
    private long otherNote;

    @BeforeEach
    void create(TestDatabase t) {
        db = t.open();
        db.exec(createTable(NOTE));
        db.exec(createTable(LABEL));
    }

    /** Three notes with a label each per tenant; run before each statement (the dynamic tests share the tables). */
    private void seed() {
        db.exec(truncate(LABEL, NOTE).restartIdentity());
        for (long tenant = 1; tenant <= 2; tenant++) {
            String prefix = "t" + tenant + "-";
            for (int i = 0; i < 3; i++) {
                long note = db.exec(insertInto(NOTE).set(NOTE.TENANT_ID, tenant).set(NOTE.BODY, prefix + "note" + i)
                        .returning(NOTE.ID)).get(0);
                db.exec(insertInto(LABEL).set(LABEL.TENANT_ID, tenant).set(LABEL.NOTE_ID, note)
                        .set(LABEL.NAME, prefix + "label" + i));
                otherNote = note;
            }
        }
    }

    @AfterEach
    void drop() {
        db.exec(dropTable(LABEL, NOTE).ifExists());
    }

    private List<Tuple3<Long, Long, String>> otherNotes() {
        return db.exec(select(NOTE.ID, NOTE.TENANT_ID, NOTE.BODY).from(NOTE).where(NOTE.TENANT_ID.ne(1L))
                .orderBy(NOTE.ID));
    }

    private List<Tuple2<Long, String>> otherLabels() {
        return db.exec(select(LABEL.ID, LABEL.NAME).from(LABEL).where(LABEL.TENANT_ID.ne(1L)).orderBy(LABEL.ID));
    }

    /** A read: what it returns holds no value of tenant 2. */
    private DynamicTest reads(String name, ResultQuery<String> query) {
        return DynamicTest.dynamicTest(name, () -> isolated(d -> {
            List<String> got = d.exec(query);
            assertFalse(got.isEmpty(), name + " returned nothing, so it proves nothing");
            for (String s : got) {
                assertTrue(s == null || !s.startsWith(OTHER), name + " read " + s);
            }
        }));
    }

    /** A write (or a read by key): tenant 2's rows are the same afterwards. */
    private DynamicTest writes(String name, Consumer<DBConnection> statement) {
        return DynamicTest.dynamicTest(name, () -> isolated(statement));
    }

    private void isolated(Consumer<DBConnection> statement) {
        seed();
        var notes = otherNotes();
        var labels = otherLabels();
        assertEquals(3, notes.size());
        statement.accept(db);
        assertEquals(notes, otherNotes());
        assertEquals(labels, otherLabels());
    }

    @TestFactory
    Stream<DynamicTest> noStatementThroughAScopedTableReachesAnotherTenant() {
        NoteTable a = N1.as("a");
        NoteTable n = NOTE.as("n");
        DerivedTable<String> derived = select(N1.BODY).from(N1).asTable("d");
        DerivedTable<String> latest = lateral(select(N1.BODY).from(N1).where(N1.ID.eq(LABEL.NOTE_ID)).asTable("x"));
        Cte<String> bodies = cte("bodies").as(select(N1.BODY).from(N1));
        List<DynamicTest> all = new ArrayList<>(List.of(
                reads("select", select(N1.BODY).from(N1)),
                reads("select under an alias", select(a.BODY).from(a).where(a.BODY.isNotNull())),
                reads("select for update", select(N1.BODY).from(N1).forUpdate()),
                reads("inner join", select(N1.BODY).from(LABEL).join(N1).on(N1.ID.eq(LABEL.NOTE_ID))),
                reads("left join, nullable side", select(N1.BODY).from(LABEL).leftJoin(N1).on(N1.ID.eq(LABEL.NOTE_ID))),
                reads("left join, preserved side", select(N1.BODY).from(N1).leftJoin(LABEL).on(N1.ID.eq(LABEL.NOTE_ID))),
                reads("right join, preserved side", select(N1.BODY).from(LABEL).rightJoin(N1)
                        .on(N1.ID.eq(LABEL.NOTE_ID))),
                reads("right join, nullable side", select(N1.BODY).from(N1).rightJoin(LABEL)
                        .on(N1.ID.eq(LABEL.NOTE_ID))),
                reads("full join", select(N1.BODY).from(N1).fullJoin(LABEL).on(N1.ID.eq(LABEL.NOTE_ID))),
                reads("full join, both scoped", select(N1.BODY).from(N1).fullJoin(L1).on(N1.ID.eq(L1.NOTE_ID))),
                reads("right join names", select(LABEL.NAME).from(L1).rightJoin(N1).on(N1.ID.eq(L1.NOTE_ID))),
                reads("cross join", select(N1.BODY).from(LABEL).crossJoin(N1)),
                reads("self join of aliases", select(a.BODY).from(N1).join(a).on(a.ID.eq(N1.ID))),
                reads("subquery in", select(NOTE.BODY).from(NOTE).where(NOTE.ID.in(select(N1.ID).from(N1)))),
                reads("exists", select(n.BODY).from(n).where(exists(select(N1.ID).from(N1).where(N1.ID.eq(n.ID))))),
                reads("subquery not in", select(LABEL.NAME).from(L1).where(L1.NOTE_ID.notIn(select(N1.ID).from(N1)
                        .where(N1.BODY.eq("none"))))),
                reads("derived table", select(derived.field(N1.BODY)).from(derived)),
                reads("lateral", select(latest.field(N1.BODY)).from(LABEL).crossJoin(latest)),
                reads("cte", with(bodies).select(bodies.field(N1.BODY)).from(bodies)),
                reads("union", select(N1.BODY).from(N1).union(select(a.BODY).from(a))),
                reads("update returning", update(N1).set(N1.BODY, N1.BODY.concat("!")).all().returning(N1.BODY)),
                reads("delete returning", deleteFrom(L1).all().returning(L1.NAME)),
                reads("insert select returning", insertInto(N1).columns(N1.BODY).select(select(N1.BODY).from(N1))
                        .returning(N1.BODY)),
                writes("update all", d -> assertEquals(3, d.exec(update(N1).set(N1.BODY, "u").all()))),
                writes("update another tenant's row by id", d -> assertEquals(0, d.exec(update(N1)
                        .set(N1.BODY, "u").where(N1.ID.eq(otherNote))))),
                writes("update from", d -> assertEquals(3, d.exec(update(L1).set(L1.NAME, "z").from(N1)
                        .where(N1.ID.eq(L1.NOTE_ID))))),
                writes("update from a scoped table", d -> d.exec(update(LABEL).set(LABEL.NAME, "z").from(N1)
                        .where(N1.ID.eq(LABEL.NOTE_ID)).where(LABEL.TENANT_ID.eq(1L)))),
                writes("delete another tenant's row", d -> assertEquals(0, d.exec(deleteFrom(N1)
                        .where(N1.ID.eq(otherNote))))),
                writes("delete using", d -> assertEquals(3, d.exec(deleteFrom(L1).using(N1)
                        .where(N1.ID.eq(L1.NOTE_ID))))),
                writes("delete all", d -> {
                    d.exec(deleteFrom(L1).all());
                    assertEquals(3, d.exec(deleteFrom(N1).all()));
                }),
                writes("insert set fills the tenant", d -> assertEquals(1L, d.exec(insertInto(N1).set(N1.BODY, "n")
                        .returning(N1.TENANT_ID)).get(0))),
                writes("insert a row fills the tenant", d -> assertEquals(1L, d.exec(insertInto(N1)
                        .values(new Note(null, null, "n")).returning(N1.TENANT_ID)).get(0))),
                writes("insert select", d -> assertEquals(3, d.exec(insertInto(N1).columns(N1.BODY)
                        .select(select(NOTE.BODY).from(NOTE).where(NOTE.TENANT_ID.eq(1L)))))),
                writes("insert default values", d -> assertThrows(RuntimeException.class,
                        () -> d.exec(insertInto(N1).defaultValues()))),
                writes("insert of another tenant's row is refused", d -> assertThrows(IllegalArgumentException.class,
                        () -> insertInto(N1).values(new Note(null, 2L, "x")))),
                writes("upsert onto another tenant's row", d -> assertEquals(0, d.exec(insertInto(N1)
                        .set(N1.ID, otherNote).set(N1.BODY, "hijack").onConflict(N1.ID).doUpdateSet(N1.BODY)))),
                writes("upsert all columns onto another tenant's row", d -> assertEquals(List.of(), d.exec(insertInto(N1)
                        .set(N1.ID, otherNote).set(N1.BODY, "hijack").onConflict(N1.ID).doUpdateAllExcept(N1.ID)
                        .returning(N1.BODY)))),
                writes("upsert do nothing", d -> assertEquals(0, d.exec(insertInto(N1).set(N1.ID, otherNote)
                        .set(N1.BODY, "hijack").onConflict(N1.ID).doNothing()))),
                writes("upsert moving a row to another tenant is refused", d -> assertThrows(
                        IllegalArgumentException.class, () -> insertInto(N1).set(N1.BODY, "x").onConflict(N1.ID)
                                .doUpdate().set(N1.TENANT_ID, 2L))),
                writes("update moving a row to another tenant is refused", d -> assertThrows(
                        IllegalArgumentException.class, () -> update(N1).set(N1.TENANT_ID, 2L).all())),
                writes("merge updates only its rows", d -> assertEquals(3, d.exec(mergeInto(N1).using(n)
                        .on(N1.ID.eq(n.ID)).whenMatched().thenUpdate(N1.BODY, "merged")))),
                writes("merge deletes only its rows", d -> {
                    d.exec(deleteFrom(L1).all());
                    assertEquals(3, d.exec(mergeInto(N1).using(n).on(N1.ID.eq(n.ID)).whenMatched().thenDelete()));
                }),
                writes("merge inserts into its tenant", d -> {
                    ValuesTable2<Long, String> v = values(row(otherNote, "new")).as("v", "id", "body");
                    assertEquals(1, d.exec(mergeInto(N1).using(v).on(N1.ID.eq(v.v1())).whenMatched()
                            .thenUpdate(N1.BODY, v.v2()).whenNotMatched().thenInsert(N1.BODY, v.v2())));
                    assertEquals(List.of(1L), d.exec(select(NOTE.TENANT_ID).from(NOTE).where(NOTE.BODY.eq("new"))));
                }),
                writes("merge from a scoped source", d -> assertEquals(3, d.exec(mergeInto(LABEL).using(N1)
                        .on(LABEL.NOTE_ID.eq(N1.ID)).whenMatched().thenUpdate(LABEL.NAME, "merged")))),
                writes("get by key", d -> assertTrue(d.get(N1, otherNote).isEmpty())),
                writes("update by key", d -> assertThrows(RowNotFoundException.class,
                        () -> d.update(N1, new Note(otherNote, 1L, "hijack")))),
                writes("update a row of another tenant", d -> assertThrows(IllegalArgumentException.class,
                        () -> d.update(N1, new Note(otherNote, 2L, "hijack")))),
                writes("update columns by key", d -> assertThrows(RowNotFoundException.class,
                        () -> d.update(N1, new Note(otherNote, null, "hijack"), N1.BODY))),
                writes("delete by key", d -> assertThrows(RowNotFoundException.class, () -> d.delete(N1, otherNote))),
                writes("delete row", d -> assertThrows(RowNotFoundException.class,
                        () -> d.delete(N1, new Note(otherNote, 1L, "x")))),
                writes("refresh", d -> assertThrows(RowNotFoundException.class,
                        () -> d.refresh(N1, new Note(otherNote, 1L, "x")))),
                writes("bulk insert fills the tenant", d -> {
                    List<Note> saved = d.insert(N1, List.of(new Note(null, null, "b1"), new Note(null, 1L, "b2")));
                    assertEquals(List.of(1L, 1L), saved.stream().map(Note::tenantId).toList());
                }),
                writes("bulk insert of another tenant's row is refused", d -> assertThrows(
                        IllegalArgumentException.class, () -> d.insert(N1, List.of(new Note(null, null, "b"),
                                new Note(null, 2L, "x"))))),
                writes("bulk upsert onto another tenant's row", d -> {
                    // neither updated nor read back: the row returned is the input, not tenant 2's row
                    Upserted<Note> skipped = d.upsert(List.of(new Note(otherNote, null, "hijack")),
                            onConflict(N1.ID).doUpdateAllExcept(N1.ID)).get(0);
                    assertEquals(Upserted.Outcome.SKIPPED, skipped.outcome());
                    assertEquals("hijack", skipped.row().body());
                }),
                writes("bulk upsert of its own rows", d -> {
                    long mine = d.exec(select(N1.ID).from(N1).limit(1)).get(0);
                    d.upsert(List.of(new Note(mine, null, "up")), onConflict(N1.ID).doUpdateAllExcept(N1.ID));
                    assertEquals("up", d.get(N1, mine).map(Note::body).orElseThrow());
                }),
                writes("copy fills the tenant", d -> {
                    assertEquals(2, d.copy(N1, List.of(new Note(null, null, "c1"), new Note(null, 1L, "c2"))));
                    assertEquals(2, d.exec(select(N1.ID).from(N1).where(N1.BODY.like("c%"))).size());
                }),
                writes("copy of another tenant's row is refused", d -> assertThrows(IllegalArgumentException.class,
                        () -> d.copy(N1, List.of(new Note(null, 2L, "x")))))));
        return all.stream().filter(Objects::nonNull);
    }
}
