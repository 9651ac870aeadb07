package dev.belay.examples;

import static dev.belay.dsl.Sql.*;
import static dev.belay.examples.AlbumTable.ALBUM;
import static dev.belay.examples.ArtistTable.ARTIST;
import static dev.belay.examples.CustomerTable.CUSTOMER;
import static dev.belay.examples.PlayTable.PLAY;
import static dev.belay.examples.PurchaseTable.PURCHASE;
import static dev.belay.examples.TrackTable.TRACK;

import dev.belay.dsl.Field;
import dev.belay.dsl.Query;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.Upserted;
import dev.belay.examples.MusicStore.Album;
import dev.belay.examples.MusicStore.Artist;
import dev.belay.examples.MusicStore.Customer;
import dev.belay.examples.MusicStore.Play;
import dev.belay.examples.MusicStore.Purchase;
import dev.belay.examples.MusicStore.Track;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A tour of Belay on a small music store it creates, fills and drops: each step prints the Java it runs, the SQL
 * that becomes, and the result. {@link #run} is the tour; {@link Main} finds a database and runs it.
 */
final class Tour {
    private static final String[] GENRES = {"Jazz", "Rock", "Blues", "Classical", "Electronic", "Folk"};
    private static final String[] COUNTRIES = {"Brazil", "Canada", "France", "Germany", "Japan", "Norway", "USA"};
    /** How many plays the COPY step loads. */
    static final int PLAYS = 200_000;

    private final DBConnection db;
    private final PrintStream out;
    private final Random random = new Random(42);
    private int step;

    Tour(DBConnection db, PrintStream out) {
        this.db = db;
        this.out = out;
    }

    /** Creates the store, walks through the features, and drops everything it created, whatever happens. */
    void run() {
        db.sql("DROP SCHEMA IF EXISTS " + MusicStore.NAME + " CASCADE").execute();
        for (String statement : MusicStore.SCHEMA.split(";")) {
            if (!statement.isBlank()) {
                db.sql(statement).execute();
            }
        }
        try {
            fill();
            typedSelect();
            join();
            aggregate();
            report();
            window();
            keysetPages();
            upsert();
            copy();
            savepoint();
            streaming();
            rowHelpers();
            typedErrors();
        } finally {
            db.sql("DROP SCHEMA " + MusicStore.NAME + " CASCADE").execute();
            out.println();
            out.println("Dropped schema " + MusicStore.NAME + ". Tour over.");
        }
    }

    private void title(String text) {
        out.println();
        out.println("== " + (++step) + ". " + text + " " + "=".repeat(Math.max(3, 72 - text.length())));
    }

    private void java(String code) {
        for (String line : code.strip().split("\n")) {
            out.println("  java> " + line);
        }
    }

    private void sql(Query query) {
        RenderedSql r = query.render();
        out.println("  sql>  " + r.sql());
        if (!r.params().isEmpty()) {
            out.println("        " + r.params());
        }
    }

    // ---- the steps -----------------------------------------------------------------------------

    /** Artists, albums and tracks through db.insert: every generated id comes back on its own row. */
    private void fill() {
        title("Batched insert with backfilled keys");
        List<Artist> artists = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            artists.add(new Artist(null, "Artist " + (char) ('A' + i), COUNTRIES[i % COUNTRIES.length]));
        }
        java("List<Artist> saved = db.insert(ARTIST, artists);   // ids are null going in");
        List<Artist> savedArtists = db.insert(ARTIST, artists);
        List<Album> albums = new ArrayList<>();
        for (Artist a : savedArtists) {
            for (int k = 0; k < 3; k++) {
                albums.add(new Album(null, a.id(), a.name().replace("Artist", "Album") + " " + (k + 1),
                        LocalDate.of(1990 + random.nextInt(34), 1 + random.nextInt(12), 1 + random.nextInt(28))));
            }
        }
        List<Album> savedAlbums = db.insert(ALBUM, albums);
        List<Track> tracks = new ArrayList<>();
        for (Album a : savedAlbums) {
            for (int k = 0; k < 10; k++) {
                tracks.add(new Track(null, a.id(), "Track " + (k + 1) + " of " + a.title(),
                        GENRES[random.nextInt(GENRES.length)], 120_000 + random.nextInt(300_000),
                        new BigDecimal(random.nextBoolean() ? "0.99" : "1.29")));
            }
        }
        List<Track> savedTracks = db.insert(TRACK, tracks);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            customers.add(new Customer(null, "fan" + i + "@example.org", "Fan " + i, COUNTRIES[random.nextInt(
                    COUNTRIES.length)], null));
        }
        List<Customer> savedCustomers = db.insert(CUSTOMER, customers);
        List<Purchase> purchases = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            Track t = savedTracks.get(random.nextInt(savedTracks.size()));
            purchases.add(new Purchase(null, savedCustomers.get(random.nextInt(savedCustomers.size())).id(), t.id(),
                    t.price(), start.plusSeconds(random.nextInt(365 * 24 * 3600))));
        }
        long began = System.nanoTime();
        List<Purchase> savedPurchases = db.insert(PURCHASE, purchases);
        long millis = (System.nanoTime() - began) / 1_000_000;
        out.println("  inserted " + savedArtists.size() + " artists, " + savedAlbums.size() + " albums, "
                + savedTracks.size() + " tracks, " + savedCustomers.size() + " customers and " + savedPurchases.size()
                + " purchases (" + millis + " ms for the purchases, one statement per table)");
        out.println("  each input row got its own id and generated columns, in input order:");
        TextTable.records(out, savedCustomers.subList(0, 3));
    }

    private void typedSelect() {
        title("A typed select");
        Select<Track> longJazz = StoreQueries.longest("Jazz", 400_000, 5);
        java("""
                Select<Track> longJazz = select(TRACK).where(TRACK.GENRE.eq("Jazz"))
                    .where(TRACK.MILLIS.gt(400_000)).orderBy(TRACK.MILLIS.desc()).limit(5);
                List<Track> tracks = db.exec(longJazz);""");
        sql(longJazz);
        TextTable.records(out, db.exec(longJazz));
    }

    private void join() {
        title("A join into a tuple");
        Select<Tuple3<String, String, LocalDate>> albums = StoreQueries.albumsFrom("Japan");
        java("""
                select(ARTIST.NAME, ALBUM.TITLE, ALBUM.RELEASED).from(ALBUM)
                    .join(ARTIST).on(ALBUM.ARTIST_ID.eq(ARTIST.ID))
                    .where(ARTIST.COUNTRY.eq("Japan")).orderBy(ALBUM.RELEASED.asc());""");
        sql(albums);
        TextTable.print(out, List.of("artist", "album", "released"), db.exec(albums));
    }

    private void aggregate() {
        title("Aggregates: revenue per genre");
        Select<Tuple3<String, Long, BigDecimal>> perGenre = StoreQueries.revenuePerGenre(100L);
        java("""
                select(TRACK.GENRE, count(), sum(PURCHASE.PRICE)).from(PURCHASE)
                    .join(TRACK).on(PURCHASE.TRACK_ID.eq(TRACK.ID))
                    .groupBy(TRACK.GENRE).having(count().gt(100L)).orderBy(sum(PURCHASE.PRICE).desc());""");
        sql(perGenre);
        TextTable.print(out, List.of("genre", "purchases", "revenue"), db.exec(perGenre));
    }

    private void report() {
        title("A monthly report and CASE buckets: one expression in SELECT, GROUP BY and ORDER BY");
        Select<Tuple4<Instant, Long, BigDecimal, Long>> monthly = StoreQueries.monthlySales(
                Instant.parse("2024-05-01T00:00:00Z"));
        java("""
                Field<Instant> month = dateTrunc(DatePart.MONTH, PURCHASE.BOUGHT_AT);
                select(month, count(), sum(PURCHASE.PRICE), count().filter(PURCHASE.PRICE.gt(new BigDecimal("1.00"))))
                    .from(PURCHASE).where(PURCHASE.BOUGHT_AT.lt(before)).groupBy(month).orderBy(month);""");
        sql(monthly);
        TextTable.print(out, List.of("month", "purchases", "revenue", "premium"), db.exec(monthly));
        Select<Tuple2<String, Long>> buckets = StoreQueries.lengthBuckets();
        java("""
                Field<String> bucket = case_().when(TRACK.MILLIS.lt(180_000), "short")
                    .when(TRACK.MILLIS.lt(300_000), "medium").otherwise("long");
                select(bucket, count()).from(TRACK).groupBy(bucket).orderBy(count().desc());""");
        sql(buckets);
        TextTable.print(out, List.of("length", "tracks"), db.exec(buckets));
    }

    private void window() {
        title("Window functions: the best-selling track of each genre");
        Select<Tuple4<String, String, Long, Long>> ranked = StoreQueries.bestSellers(12);
        java("""
                Field<Long> rank = rank().over(partitionBy(TRACK.GENRE).orderBy(count().desc()));
                select(TRACK.GENRE, TRACK.TITLE, count(), rank).from(PURCHASE).join(TRACK).on(...)
                    .groupBy(TRACK.GENRE, TRACK.ID, TRACK.TITLE).orderBy(TRACK.GENRE.asc(), rank.asc(), ...)""");
        sql(ranked);
        TextTable.print(out, List.of("genre", "track", "sold", "rank"), db.exec(ranked));
    }

    private void keysetPages() {
        title("Keyset pagination");
        Select<Tuple2<String, Long>> byName = StoreQueries.CUSTOMERS_BY_NAME;
        java("""
                Select<Tuple2<String, Long>> page = select(CUSTOMER.NAME, CUSTOMER.ID).from(CUSTOMER)
                    .orderBy(CUSTOMER.NAME.asc(), CUSTOMER.ID.asc()).limit(4);
                List<Tuple2<String, Long>> first = db.exec(page);
                Tuple2<String, Long> last = first.get(first.size() - 1);
                List<Tuple2<String, Long>> next = db.exec(page.seek(last.v1(), last.v2()));""");
        List<Tuple2<String, Long>> first = db.exec(byName);
        Tuple2<String, Long> last = first.get(first.size() - 1);
        Select<Tuple2<String, Long>> next = byName.seek(last.v1(), last.v2());
        sql(next);
        out.println("  page 1:");
        TextTable.print(out, List.of("name", "id"), first);
        out.println("  page 2, after " + last + ":");
        TextTable.print(out, List.of("name", "id"), db.exec(next));
    }

    private void upsert() {
        title("Upsert: each row says what happened to it");
        List<Customer> incoming = new ArrayList<>();
        incoming.add(new Customer(null, "fan1@example.org", "Fan One (renamed)", "Brazil", null));
        incoming.add(new Customer(null, "fan2@example.org", "Fan 2", "Brazil", null));
        incoming.add(new Customer(null, "newcomer@example.org", "Newcomer", "Norway", null));
        java("""
                List<Upserted<Customer>> result = db.upsert(incoming,
                    onConflict(CUSTOMER.EMAIL).doUpdateSet(CUSTOMER.NAME).where(CUSTOMER.NAME.ne(excluded(CUSTOMER.NAME))));""");
        List<Upserted<Customer>> result = db.upsert(incoming, onConflict(CUSTOMER.EMAIL).doUpdateSet(CUSTOMER.NAME)
                .where(CUSTOMER.NAME.ne(excluded(CUSTOMER.NAME))));
        Map<Upserted.Outcome, Integer> counts = new EnumMap<>(Upserted.Outcome.class);
        List<Tuple3<String, String, Long>> rows = new ArrayList<>();
        for (Upserted<Customer> u : result) {
            counts.merge(u.outcome(), 1, Integer::sum);
            rows.add(new Tuple3<>(u.row().email(), u.outcome().toString(), u.row().id()));
        }
        TextTable.print(out, List.of("email", "outcome", "id"), rows);
        out.println("  " + counts + "  (fan2's name was already 'Fan 2', so the WHERE skipped it)");
    }

    private void copy() {
        title("COPY: " + String.format("%,d", PLAYS) + " plays streamed with constant memory");
        java("""
                long loaded = db.copy(PLAY, plays);   // a Stream<Play>, generated lazily""");
        AtomicLong made = new AtomicLong();
        Instant start = Instant.parse("2024-06-01T00:00:00Z");
        Stream<Play> plays = Stream.generate(() -> {
            long n = made.incrementAndGet();
            if (n % 50_000 == 0) {
                out.println("  ... " + String.format("%,d", n) + " plays sent");
            }
            return new Play(1L + random.nextInt(300), 1L + random.nextInt(720), start.plusSeconds(n * 7),
                    30 + random.nextInt(300));
        }).limit(PLAYS);
        long began = System.nanoTime();
        long loaded = db.copy(PLAY, plays);
        out.println("  loaded " + String.format("%,d", loaded) + " rows in " + (System.nanoTime() - began) / 1_000_000
                + " ms");
    }

    private void savepoint() {
        title("A transaction with a savepoint rolled back");
        java("""
                db.transaction(tx -> {
                    tx.insert(new Purchase(...));                 // kept
                    try {
                        tx.transaction(inner -> {                 // SAVEPOINT
                            inner.insert(new Purchase(...));      // rolled back with the savepoint
                            throw new IllegalStateException("card declined");
                        });
                    } catch (IllegalStateException declined) { }
                    return null;
                });""");
        long before = db.fetchValue(select(count()).from(PURCHASE));
        db.transaction(tx -> {
            tx.insert(PURCHASE, List.of(new Purchase(null, 1L, 1L, new BigDecimal("0.99"), Instant.now())));
            try {
                tx.transaction(inner -> {
                    inner.insert(PURCHASE, List.of(new Purchase(null, 2L, 2L, new BigDecimal("1.29"), Instant.now())));
                    throw new IllegalStateException("card declined");
                });
            } catch (IllegalStateException declined) {
                out.println("  inner work rolled back: " + declined.getMessage());
            }
            return null;
        });
        long after = db.fetchValue(select(count()).from(PURCHASE));
        out.println("  purchases before " + before + ", after " + after + ": only the outer insert committed");
    }

    private void streaming() {
        title("Streaming: reading every play through a server cursor");
        Select<Integer> seconds = select(PLAY.SECONDS).from(PLAY);
        java("""
                try (Stream<Integer> s = db.stream(select(PLAY.SECONDS).from(PLAY))) {
                    total = s.mapToLong(Integer::longValue).sum();   // fetched 1,000 rows at a time
                }""");
        sql(seconds);
        long total;
        try (Stream<Integer> s = db.stream(seconds)) {
            total = s.mapToLong(Integer::longValue).sum();
        }
        out.println("  " + String.format("%,d", total / 3600) + " hours of music played");
    }

    private void rowHelpers() {
        title("Row helpers by primary key");
        java("""
                Optional<Customer> c = db.get(CUSTOMER, 1L);
                db.update(CUSTOMER, new Customer(1L, c.email(), "Fan One", c.country(), c.joinedAt()));
                Customer fresh = db.refresh(CUSTOMER, c);""");
        Optional<Customer> found = db.get(CUSTOMER, 1L);
        Customer c = found.orElseThrow();
        db.update(CUSTOMER, new Customer(c.id(), c.email(), "Fan One", c.country(), c.joinedAt()));
        TextTable.records(out, List.of(db.refresh(CUSTOMER, c)));
    }

    private void typedErrors() {
        title("Typed errors that name what went wrong");
        java("""
                db.insert(CUSTOMER, List.of(a, b, c, duplicateOfA));   // input row 3 breaks a unique key""");
        List<Customer> batch = List.of(new Customer(null, "x@example.org", "X", "USA", null),
                new Customer(null, "y@example.org", "Y", "USA", null),
                new Customer(null, "z@example.org", "Z", "USA", null),
                new Customer(null, "x@example.org", "X again", "USA", null));
        try {
            db.insert(CUSTOMER, batch);
        } catch (BelayException e) {
            out.println("  " + e.getClass().getSimpleName() + ": row " + e.row() + ", column " + e.column()
                    + ", constraint " + e.constraint());
            out.println("  nothing of the batch was written: " + db.fetchValue(select(count()).from(CUSTOMER)
                    .where(CUSTOMER.EMAIL.in(List.of("x@example.org", "y@example.org", "z@example.org")))) + " rows");
        }
        java("""
                db.sql("select 1.9::numeric").one(Integer.class);   // would lose the .9""");
        try {
            db.sql("select 1.9::numeric as price").one(Integer.class);
        } catch (BelayException e) {
            out.println("  " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
