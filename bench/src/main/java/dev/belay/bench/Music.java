package dev.belay.bench;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The schema and data the query benchmarks share: 100 artists, 1,000 albums (10 each), 10,000 tracks (10 per album)
 * and 1,000 people with a unique email; the same tables described for Belay (descriptors, as a user writes them) and
 * for jOOQ (typed names without code generation, which would need a database at build time).
 */
final class Music {
    private Music() {}

    public record Person(Long id, String name, String email, Integer age) {}

    /** One row of the three-table join. */
    public record TrackRow(Long trackId, String title, Integer millis, String album, String artist) {}

    public record Artist(Long id, String name) {}

    public record Album(Long id, Long artistId, String title) {}

    public record Track(Long id, Long albumId, String title, Integer millis) {}

    static final int PEOPLE = 1_000;
    /** The join reads the tracks of the albums up to this id: 3,500 rows. */
    static final long JOIN_ALBUMS = 350;
    static final int JOIN_ROWS = 3_500;

    static final class People extends Table<Person> {
        static final People PERSON = new People();
        final Column<Person, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Person, String> name = column("name", PgType.TEXT);
        final Column<Person, String> email = column("email", PgType.TEXT).unique();
        final Column<Person, Integer> age = column("age", PgType.INT4).nullable();

        private People() {
            super("bench_person", Person.class);
        }
    }

    static final class Artists extends Table<Artist> {
        static final Artists ARTIST = new Artists();
        final Column<Artist, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Artist, String> name = column("name", PgType.TEXT);

        private Artists() {
            super("bench_artist", Artist.class);
        }
    }

    static final class Albums extends Table<Album> {
        static final Albums ALBUM = new Albums();
        final Column<Album, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Album, Long> artistId = column("artist_id", PgType.INT8);
        final Column<Album, String> title = column("title", PgType.TEXT);

        private Albums() {
            super("bench_album", Album.class);
        }
    }

    static final class Tracks extends Table<Track> {
        static final Tracks TRACK = new Tracks();
        final Column<Track, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Track, Long> albumId = column("album_id", PgType.INT8);
        final Column<Track, String> title = column("title", PgType.TEXT);
        final Column<Track, Integer> millis = column("millis", PgType.INT4);

        private Tracks() {
            super("bench_track", Track.class);
        }
    }

    /** The same tables for jOOQ. */
    static final class J {
        static final org.jooq.Table<Record> PERSON = DSL.table(DSL.name("bench_person"));
        static final Field<Long> PERSON_ID = DSL.field(DSL.name("bench_person", "id"), SQLDataType.BIGINT);
        static final Field<String> PERSON_NAME = DSL.field(DSL.name("bench_person", "name"), SQLDataType.CLOB);
        static final Field<String> PERSON_EMAIL = DSL.field(DSL.name("bench_person", "email"), SQLDataType.CLOB);
        static final Field<Integer> PERSON_AGE = DSL.field(DSL.name("bench_person", "age"), SQLDataType.INTEGER);

        static final org.jooq.Table<Record> ARTIST = DSL.table(DSL.name("bench_artist"));
        static final Field<Long> ARTIST_ID = DSL.field(DSL.name("bench_artist", "id"), SQLDataType.BIGINT);
        static final Field<String> ARTIST_NAME = DSL.field(DSL.name("bench_artist", "name"), SQLDataType.CLOB);

        static final org.jooq.Table<Record> ALBUM = DSL.table(DSL.name("bench_album"));
        static final Field<Long> ALBUM_ID = DSL.field(DSL.name("bench_album", "id"), SQLDataType.BIGINT);
        static final Field<Long> ALBUM_ARTIST_ID = DSL.field(DSL.name("bench_album", "artist_id"), SQLDataType.BIGINT);
        static final Field<String> ALBUM_TITLE = DSL.field(DSL.name("bench_album", "title"), SQLDataType.CLOB);

        static final org.jooq.Table<Record> TRACK = DSL.table(DSL.name("bench_track"));
        static final Field<Long> TRACK_ID = DSL.field(DSL.name("bench_track", "id"), SQLDataType.BIGINT);
        static final Field<Long> TRACK_ALBUM_ID = DSL.field(DSL.name("bench_track", "album_id"), SQLDataType.BIGINT);
        static final Field<String> TRACK_TITLE = DSL.field(DSL.name("bench_track", "title"), SQLDataType.CLOB);
        static final Field<Integer> TRACK_MILLIS = DSL.field(DSL.name("bench_track", "millis"), SQLDataType.INTEGER);

        private J() {}
    }

    /** Creates and fills the tables when they are not there yet (every trial of every benchmark calls this). */
    static void create(Connection c) throws SQLException {
        BenchDb.exec(c, """
                DO $$
                DECLARE
                  ready boolean := to_regclass('bench_track') IS NOT NULL AND to_regclass('bench_person') IS NOT NULL;
                BEGIN
                  IF ready THEN
                    ready := (SELECT count(*) FROM bench_track) = 10000 AND (SELECT count(*) FROM bench_person) = 1000;
                  END IF;
                  IF NOT ready THEN
                    DROP TABLE IF EXISTS bench_track, bench_album, bench_artist, bench_person;
                    CREATE TABLE bench_artist (id int8 PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE bench_album (id int8 PRIMARY KEY, artist_id int8 NOT NULL REFERENCES bench_artist,
                                              title text NOT NULL);
                    CREATE TABLE bench_track (id int8 PRIMARY KEY, album_id int8 NOT NULL REFERENCES bench_album,
                                              title text NOT NULL, millis int4 NOT NULL);
                    CREATE TABLE bench_person (id int8 GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                                               name text NOT NULL, email text NOT NULL UNIQUE, age int4);
                    INSERT INTO bench_artist SELECT i, 'Artist ' || i FROM generate_series(1, 100) i;
                    INSERT INTO bench_album SELECT i, 1 + (i - 1) / 10, 'Album ' || i FROM generate_series(1, 1000) i;
                    INSERT INTO bench_track SELECT i, 1 + (i - 1) / 10, 'Track ' || i, 120000 + i * 7 % 180000
                      FROM generate_series(1, 10000) i;
                    INSERT INTO bench_person (name, email, age)
                      SELECT 'Person ' || i, 'person' || i || '@example.org', CASE WHEN i % 7 = 0 THEN NULL ELSE i % 90 END
                      FROM generate_series(1, 1000) i;
                    ANALYZE bench_artist, bench_album, bench_track, bench_person;
                  END IF;
                END $$""");
    }
}
