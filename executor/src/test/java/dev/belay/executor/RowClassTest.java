package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The handles a bulk write reads and makes records with: every component in one call, each into its own array. */
class RowClassTest {
    record Item(Long id, String name, int count, List<String> tags) {}

    record Touchy(String name, String secret) {
        @Override
        public String secret() {
            throw new IllegalStateException("not readable");
        }
    }

    @Test
    void readsEveryComponentIntoAnArrayOfItsClassAndMakesRecordsBackFromThem() {
        RowClass rc = RowClass.of(Item.class);
        List<Item> items = List.of(new Item(1L, "a", 3, List.of("x")), new Item(null, "b", -1, List.of()));
        Object[][] columns = rc.components(items);
        assertEquals(List.of(Long[].class, String[].class, Integer[].class, List[].class),
                List.of(columns[0].getClass(), columns[1].getClass(), columns[2].getClass(), columns[3].getClass()));
        assertArrayEquals(new Object[] {1L, null}, columns[0]);
        assertArrayEquals(new Object[] {3, -1}, columns[2]);
        for (int i = 0; i < items.size(); i++) {
            assertEquals(items.get(i), rc.construct(columns, i));
        }
        // a returned column in place of the input's own: the id the database drew
        Object[][] sources = columns.clone();
        sources[0] = new Long[] {10L, 11L};
        assertEquals(new Item(11L, "b", -1, List.of()), rc.construct(sources, 1));
    }

    @Test
    void anAccessorThatThrowsIsNamed() {
        RowClass rc = RowClass.of(Touchy.class);
        MappingException e = assertThrows(MappingException.class,
                () -> rc.components(List.of(new Touchy("a", "b"))));
        assertTrue(e.getMessage().contains("Touchy.secret") && e.getMessage().contains("not readable"),
                e.getMessage());
    }

    @Test
    void aNullForAPrimitiveComponentIsAMappingErrorNotANullPointerException() {
        RowClass rc = RowClass.of(Item.class);
        Object[][] columns = rc.componentArrays(1);
        columns[1][0] = "a";
        columns[3][0] = List.of();
        MappingException e = assertThrows(MappingException.class, () -> rc.construct(columns, 0));
        assertTrue(e.getMessage().contains("the constructor of " + Item.class.getName()), e.getMessage());
    }
}
