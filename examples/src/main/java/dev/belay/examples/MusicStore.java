package dev.belay.examples;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The tour's small music store: its rows as records, and a hand-written descriptor per table (the annotation
 * processor that will generate these is not built yet). The schema is created by {@link #SCHEMA}.
 */
final class MusicStore {
    private MusicStore() {}

    /** Everything the tour creates lives in this schema, dropped at the end. */
    static final String NAME = "belay_tour";

    static final String SCHEMA = """
            CREATE SCHEMA belay_tour;
            CREATE TABLE belay_tour.artist (
                id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name    text NOT NULL UNIQUE,
                country text NOT NULL);
            CREATE TABLE belay_tour.album (
                id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                artist_id bigint NOT NULL REFERENCES belay_tour.artist,
                title     text NOT NULL,
                released  date NOT NULL);
            CREATE TABLE belay_tour.track (
                id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                album_id bigint NOT NULL REFERENCES belay_tour.album,
                title    text NOT NULL,
                genre    text NOT NULL,
                millis   int4 NOT NULL CHECK (millis > 0),
                price    numeric(6, 2) NOT NULL);
            CREATE TABLE belay_tour.customer (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email      text NOT NULL UNIQUE,
                name       text NOT NULL,
                country    text NOT NULL,
                joined_at  timestamptz NOT NULL DEFAULT now());
            CREATE TABLE belay_tour.purchase (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES belay_tour.customer,
                track_id    bigint NOT NULL REFERENCES belay_tour.track,
                price       numeric(6, 2) NOT NULL,
                bought_at   timestamptz NOT NULL);
            CREATE TABLE belay_tour.play (
                customer_id bigint NOT NULL,
                track_id    bigint NOT NULL,
                played_at   timestamptz NOT NULL,
                seconds     int4 NOT NULL);
            """;

    record Artist(Long id, String name, String country) {}

    record Album(Long id, Long artistId, String title, LocalDate released) {}

    record Track(Long id, Long albumId, String title, String genre, Integer millis, BigDecimal price) {}

    record Customer(Long id, String email, String name, String country, Instant joinedAt) {}

    record Purchase(Long id, Long customerId, Long trackId, BigDecimal price, Instant boughtAt) {}

    record Play(Long customerId, Long trackId, Instant playedAt, Integer seconds) {}

    static final class ArtistTable extends Table<Artist> {
        static final ArtistTable ARTIST = new ArtistTable();
        final Column<Artist, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Artist, String> NAME = column("name", PgType.TEXT);
        final Column<Artist, String> COUNTRY = column("country", PgType.TEXT);

        private ArtistTable() {
            super(MusicStore.NAME, "artist", Artist.class);
        }
    }

    static final class AlbumTable extends Table<Album> {
        static final AlbumTable ALBUM = new AlbumTable();
        final Column<Album, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Album, Long> ARTIST_ID = column("artist_id", PgType.INT8);
        final Column<Album, String> TITLE = column("title", PgType.TEXT);
        final Column<Album, LocalDate> RELEASED = column("released", PgType.DATE);

        private AlbumTable() {
            super(MusicStore.NAME, "album", Album.class);
        }
    }

    static final class TrackTable extends Table<Track> {
        static final TrackTable TRACK = new TrackTable();
        final Column<Track, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Track, Long> ALBUM_ID = column("album_id", PgType.INT8);
        final Column<Track, String> TITLE = column("title", PgType.TEXT);
        final Column<Track, String> GENRE = column("genre", PgType.TEXT);
        final Column<Track, Integer> MILLIS = column("millis", PgType.INT4);
        final Column<Track, BigDecimal> PRICE = column("price", PgType.NUMERIC);

        private TrackTable() {
            super(MusicStore.NAME, "track", Track.class);
        }
    }

    static final class CustomerTable extends Table<Customer> {
        static final CustomerTable CUSTOMER = new CustomerTable();
        final Column<Customer, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Customer, String> EMAIL = column("email", PgType.TEXT);
        final Column<Customer, String> NAME = column("name", PgType.TEXT);
        final Column<Customer, String> COUNTRY = column("country", PgType.TEXT);
        final Column<Customer, Instant> JOINED_AT = column("joined_at", PgType.TIMESTAMPTZ).generated();

        private CustomerTable() {
            super(MusicStore.NAME, "customer", Customer.class);
        }
    }

    static final class PurchaseTable extends Table<Purchase> {
        static final PurchaseTable PURCHASE = new PurchaseTable();
        final Column<Purchase, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Purchase, Long> CUSTOMER_ID = column("customer_id", PgType.INT8);
        final Column<Purchase, Long> TRACK_ID = column("track_id", PgType.INT8);
        final Column<Purchase, BigDecimal> PRICE = column("price", PgType.NUMERIC);
        final Column<Purchase, Instant> BOUGHT_AT = column("bought_at", PgType.TIMESTAMPTZ);

        private PurchaseTable() {
            super(MusicStore.NAME, "purchase", Purchase.class);
        }
    }

    static final class PlayTable extends Table<Play> {
        static final PlayTable PLAY = new PlayTable();
        final Column<Play, Long> CUSTOMER_ID = column("customer_id", PgType.INT8);
        final Column<Play, Long> TRACK_ID = column("track_id", PgType.INT8);
        final Column<Play, Instant> PLAYED_AT = column("played_at", PgType.TIMESTAMPTZ);
        final Column<Play, Integer> SECONDS = column("seconds", PgType.INT4);

        private PlayTable() {
            super(MusicStore.NAME, "play", Play.class);
        }
    }
}
