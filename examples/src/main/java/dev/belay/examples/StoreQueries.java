package dev.belay.examples;

import static dev.belay.dsl.Sql.*;
import static dev.belay.examples.AlbumTable.ALBUM;
import static dev.belay.examples.ArtistTable.ARTIST;
import static dev.belay.examples.CustomerTable.CUSTOMER;
import static dev.belay.examples.PurchaseTable.PURCHASE;
import static dev.belay.examples.TrackTable.TRACK;

import dev.belay.dsl.DatePart;
import dev.belay.dsl.Field;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.examples.MusicStore.Track;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The store's queries, built once and kept in constants or small factories, the way an application keeps them:
 * immutable, shared between threads, and testable without a database ({@code StoreQueriesTest}).
 */
final class StoreQueries {
    private StoreQueries() {}

    /** The longest tracks of a genre. */
    static Select<Track> longest(String genre, int minMillis, int count) {
        return select(TRACK).where(TRACK.GENRE.eq(genre)).where(TRACK.MILLIS.gt(minMillis))
                .orderBy(TRACK.MILLIS.desc()).limit(count);
    }

    /**
     * Sales per month before a cutoff: {@code date_trunc('month', ..)} in SELECT, GROUP BY and ORDER BY is one
     * expression to PostgreSQL, and the premium count is a FILTER on the same rows.
     */
    static Select<Tuple4<Instant, Long, BigDecimal, Long>> monthlySales(Instant before) {
        Field<Instant> month = dateTrunc(DatePart.MONTH, PURCHASE.BOUGHT_AT);
        return select(month, count(), sum(PURCHASE.PRICE), count().filter(PURCHASE.PRICE.gt(new BigDecimal("1.00"))))
                .from(PURCHASE).where(PURCHASE.BOUGHT_AT.lt(before)).groupBy(month).orderBy(month);
    }

    /** Tracks per length bucket, a CASE grouped by itself. */
    static Select<Tuple2<String, Long>> lengthBuckets() {
        Field<String> bucket = case_().when(TRACK.MILLIS.lt(180_000), "short")
                .when(TRACK.MILLIS.lt(300_000), "medium").otherwise("long");
        return select(bucket, count()).from(TRACK).groupBy(bucket).orderBy(count().desc());
    }

    /** Albums of artists from one country, oldest first. */
    static Select<Tuple3<String, String, LocalDate>> albumsFrom(String country) {
        return select(ARTIST.NAME, ALBUM.TITLE, ALBUM.RELEASED).from(ALBUM)
                .join(ARTIST).on(ALBUM.ARTIST_ID.eq(ARTIST.ID))
                .where(ARTIST.COUNTRY.eq(country)).orderBy(ALBUM.RELEASED.asc());
    }

    /** Purchases and revenue per genre, for genres with more than {@code minPurchases}. */
    static Select<Tuple3<String, Long, BigDecimal>> revenuePerGenre(long minPurchases) {
        Field<BigDecimal> revenue = sum(PURCHASE.PRICE);
        return select(TRACK.GENRE, count(), revenue).from(PURCHASE)
                .join(TRACK).on(PURCHASE.TRACK_ID.eq(TRACK.ID))
                .groupBy(TRACK.GENRE).having(count().gt(minPurchases)).orderBy(revenue.desc());
    }

    /** Each genre's tracks ranked by how often they sold. */
    static Select<Tuple4<String, String, Long, Long>> bestSellers(int count) {
        Field<Long> sold = count();
        Field<Long> rank = rank().over(partitionBy(TRACK.GENRE).orderBy(sold.desc()));
        return select(TRACK.GENRE, TRACK.TITLE, sold, rank).from(PURCHASE)
                .join(TRACK).on(PURCHASE.TRACK_ID.eq(TRACK.ID)).groupBy(TRACK.GENRE, TRACK.ID, TRACK.TITLE)
                .orderBy(TRACK.GENRE.asc(), rank.asc(), TRACK.TITLE.asc()).limit(count);
    }

    /** Customers by name, one page at a time: continue with {@code .seek(lastName, lastId)}. */
    static final Select<Tuple2<String, Long>> CUSTOMERS_BY_NAME = select(CUSTOMER.NAME, CUSTOMER.ID).from(CUSTOMER)
            .orderBy(CUSTOMER.NAME.asc(), CUSTOMER.ID.asc()).limit(4);
}
