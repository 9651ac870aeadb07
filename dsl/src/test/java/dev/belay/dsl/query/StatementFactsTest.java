package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Param;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the executor learns from a query besides its SQL: whether it may change data (to make {@code one()}
 * atomic and refuse {@code first()}), and what each parameter is for (to name the column of a refused value).
 */
final class StatementFactsTest {

    @Test
    void onlyStatementsThatChangeDataSaySo() {
        assertFalse(select(USER.NAME).from(USER).where(USER.AGE.gt(1)).modifiesData());
        assertFalse(select(USER.NAME).from(USER).union(select(USER.EMAIL).from(USER)).modifiesData());
        assertTrue(insertInto(USER).set(USER.NAME, "a").set(USER.EMAIL, "b").modifiesData());
        assertTrue(update(USER).set(USER.AGE, 3).where(USER.ID.eq(1L)).modifiesData());
        assertTrue(deleteFrom(USER).where(USER.ID.eq(1L)).returning(USER.ID).modifiesData());
        Cte<Long> gone = cte("gone").as(deleteFrom(USER).where(USER.AGE.lt(0)).returning(USER.ID));
        assertTrue(with(gone).select(gone.field(USER.ID)).from(gone).modifiesData(),
                "a SELECT over a data-modifying CTE changes data");
        Cte<Long> adults = cte("adults").as(select(USER.ID).from(USER).where(USER.AGE.ge(18)));
        assertFalse(with(adults).select(adults.field(USER.ID)).from(adults).modifiesData());
    }

    @Test
    void eachParameterSaysWhatItIsFor() {
        RenderedSql insert = insertInto(USER).set(USER.NAME, "a").set(USER.EMAIL, "b").render();
        assertEquals(List.of("insert into \"users\": column users.name", "insert into \"users\": column users.email"),
                List.of(insert.describeParam(0), insert.describeParam(1)));
        RenderedSql where = select(USER.NAME).from(USER).where(USER.AGE.ge(18)).limit(5).render();
        assertTrue(where.describeParam(0).contains("users.age") || where.describeParam(0).contains("\"age\""),
                where.describeParam(0));
        assertEquals("parameter 2", where.describeParam(1), "LIMIT's value has no column");
        Param<String> name = param("name", String.class);
        RenderedSql slot = select(USER.ID).from(USER).where(USER.NAME.eq(name)).bind(name, "x").render();
        assertEquals(":name", slot.describeParam(0));
        assertThrows(IndexOutOfBoundsException.class, () -> slot.describeParam(1));
    }

    @Test
    void whereAValueCameFromIsNotPartOfItsEquality() {
        Select<Row> a = select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.CREATED_AT, USER.ID, coalesce(USER.NAME, "x"))
                .from(USER);
        Select<Row> b = select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.CREATED_AT, USER.ID, coalesce(USER.NAME, "x"))
                .from(USER);
        assertEquals(a.render(), b.render());
        assertEquals(a.fields().get(6).toString(), b.fields().get(6).toString());
    }
}
