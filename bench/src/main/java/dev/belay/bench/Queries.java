package dev.belay.bench;

import static dev.belay.bench.Music.Albums.ALBUM;
import static dev.belay.bench.Music.Artists.ARTIST;
import static dev.belay.bench.Music.People.PERSON;
import static dev.belay.bench.Music.Tracks.TRACK;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.param;
import static dev.belay.dsl.Sql.select;

import dev.belay.bench.Music.J;
import dev.belay.bench.Music.Person;
import dev.belay.bench.Music.TrackRow;
import dev.belay.dsl.Condition;
import dev.belay.dsl.Param;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple5;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertResultStep;
import org.jooq.InsertValuesStep3;
import org.jooq.Record1;
import org.jooq.Record4;
import org.jooq.Record5;
import org.jooq.SelectConditionStep;
import org.jooq.SelectSeekStep1;
import org.jooq.impl.DSL;

/**
 * Each query the benchmarks build, once for Belay and once for jOOQ, written the way each library's documentation
 * shows; the render benchmarks time building them, the execution benchmarks run them.
 */
final class Queries {
    /** The hand-written JDBC text of {@link #belayJoin}. */
    static final String JDBC_JOIN = "SELECT t.id, t.title, t.millis, al.title, ar.name FROM bench_track t "
            + "JOIN bench_album al ON al.id = t.album_id JOIN bench_artist ar ON ar.id = al.artist_id "
            + "WHERE al.id <= ? ORDER BY t.id";
    /** The hand-written JDBC text of {@link #belayByPk}. */
    static final String JDBC_BY_PK = "SELECT id, name, email, age FROM bench_person WHERE id = ?";

    /** The slot of {@link #BY_PK}. */
    static final Param<Long> PK = param("id", Long.class);
    /**
     * {@link #belayByPk} as Belay's guide says to keep a query run often: built and rendered once, in a constant,
     * and bound per call ({@code BY_PK.bind(PK, id)}).
     */
    static final Select<Person> BY_PK = select(PERSON).where(PERSON.id.eq(PK));

    private Queries() {}

    static Select<Person> belayByPk(long id) {
        return select(PERSON).where(PERSON.id.eq(id));
    }

    static SelectConditionStep<Record4<Long, String, String, Integer>> jooqByPk(DSLContext ctx, long id) {
        return ctx.select(J.PERSON_ID, J.PERSON_NAME, J.PERSON_EMAIL, J.PERSON_AGE).from(J.PERSON)
                .where(J.PERSON_ID.eq(id));
    }

    static Select<TrackRow> belayJoin(long maxAlbum) {
        return belayJoinTuples(maxAlbum).into(TrackRow.class);
    }

    /** {@link #belayJoin} without {@code into(..)}: what building costs before the record type is checked. */
    static Select<Tuple5<Long, String, Integer, String, String>> belayJoinTuples(long maxAlbum) {
        return select(TRACK.id, TRACK.title, TRACK.millis, ALBUM.title, ARTIST.name)
                .from(TRACK)
                .join(ALBUM).on(ALBUM.id.eq(TRACK.albumId))
                .join(ARTIST).on(ARTIST.id.eq(ALBUM.artistId))
                .where(ALBUM.id.le(maxAlbum))
                .orderBy(TRACK.id.asc());
    }

    static SelectSeekStep1<Record5<Long, String, Integer, String, String>, Long> jooqJoin(DSLContext ctx, long maxAlbum) {
        return ctx.select(J.TRACK_ID, J.TRACK_TITLE, J.TRACK_MILLIS, J.ALBUM_TITLE, J.ARTIST_NAME)
                .from(J.TRACK)
                .join(J.ALBUM).on(J.ALBUM_ID.eq(J.TRACK_ALBUM_ID))
                .join(J.ARTIST).on(J.ARTIST_ID.eq(J.ALBUM_ARTIST_ID))
                .where(J.ALBUM_ID.le(maxAlbum))
                .orderBy(J.TRACK_ID.asc());
    }

    static Returning<Long> belayUpsert(Person p) {
        return insertInto(PERSON).values(p).onConflict(PERSON.email).doUpdateSet(PERSON.name, PERSON.age)
                .returning(PERSON.id);
    }

    static InsertResultStep<Record1<Long>> jooqUpsert(DSLContext ctx, Person p) {
        return ctx.insertInto(J.PERSON, J.PERSON_NAME, J.PERSON_EMAIL, J.PERSON_AGE)
                .values(p.name(), p.email(), p.age())
                .onConflict(J.PERSON_EMAIL)
                .doUpdate()
                .set(J.PERSON_NAME, DSL.excluded(J.PERSON_NAME))
                .set(J.PERSON_AGE, DSL.excluded(J.PERSON_AGE))
                .returningResult(J.PERSON_ID);
    }

    static Returning<Long> belayInsert(List<Person> rows) {
        return insertInto(PERSON).values(rows).returning(PERSON.id);
    }

    static InsertResultStep<Record1<Long>> jooqInsert(DSLContext ctx, List<Person> rows) {
        InsertValuesStep3<org.jooq.Record, String, String, Integer> step =
                ctx.insertInto(J.PERSON, J.PERSON_NAME, J.PERSON_EMAIL, J.PERSON_AGE);
        for (Person p : rows) {
            step = step.values(p.name(), p.email(), p.age());
        }
        return step.returningResult(J.PERSON_ID);
    }

    /** The LIKE pattern of {@link #belayFilter}: every person's email matches it. */
    private static final String EMAIL_PATTERN = "person%@example.org";

    /** The values a filter of {@code size} predicates compares with: the user's input, made before timing. */
    static final class Filter {
        final int size;
        final long[] numbers;
        final String[] names;

        /** Values from {@code from} up: two filters of one size but another {@code from} differ only in values. */
        Filter(int size, int from) {
            this.size = size;
            numbers = new long[size];
            names = new String[size];
            for (int i = 0; i < size; i++) {
                numbers[i] = from + i;
                names[i] = "Nobody " + (from + i);
            }
        }
    }

    /**
     * A filter built per call, as a search form builds one: {@code f.size} predicates ANDed, cycling over a range on
     * the id, an inequality on the name, a LIKE on the email and a range on the age, each with its own bound value;
     * people ordered by id. With {@code from = 0} some people match even 100 predicates (those after id 96 with an
     * age).
     */
    static Select<Person> belayFilter(Filter f) {
        Condition where = null;
        for (int i = 0; i < f.size; i++) {
            Condition c = switch (i % 4) {
                case 0 -> PERSON.id.gt(f.numbers[i]);
                case 1 -> PERSON.name.ne(f.names[i]);
                case 2 -> PERSON.email.like(EMAIL_PATTERN);
                default -> PERSON.age.lt((int) f.numbers[i] + 90);
            };
            where = where == null ? c : where.and(c);
        }
        return select(PERSON).where(where).orderBy(PERSON.id.asc());
    }

    /** {@link #belayFilter} as jOOQ's manual builds dynamic conditions: from {@code noCondition()}, then {@code and}. */
    static SelectSeekStep1<Record4<Long, String, String, Integer>, Long> jooqFilter(DSLContext ctx, Filter f) {
        org.jooq.Condition where = DSL.noCondition();
        for (int i = 0; i < f.size; i++) {
            where = where.and(switch (i % 4) {
                case 0 -> J.PERSON_ID.gt(f.numbers[i]);
                case 1 -> J.PERSON_NAME.ne(f.names[i]);
                case 2 -> J.PERSON_EMAIL.like(EMAIL_PATTERN);
                default -> J.PERSON_AGE.lt((int) f.numbers[i] + 90);
            });
        }
        return ctx.select(J.PERSON_ID, J.PERSON_NAME, J.PERSON_EMAIL, J.PERSON_AGE).from(J.PERSON).where(where)
                .orderBy(J.PERSON_ID.asc());
    }

    /** {@code n} new people, none of whose emails is in the table. */
    static List<Person> newPeople(int n) {
        List<Person> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Person(null, "New " + i, "new" + i + "@example.org", i % 3 == 0 ? null : 20 + i % 50));
        }
        return rows;
    }
}
