package com.acme;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.annotations.Column;
import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Every Java type Belay maps, each way it can be declared. */
@Table(value = "everything", schema = "app")
public record Everything(
        @Id @Generated Long id,
        short smallPrim, Short small, int intPrim, Integer integer, long longPrim,
        BigDecimal amount, float floatPrim, Float real, double doublePrim, Double dbl,
        boolean flag, Boolean maybe, UUID uuid,
        LocalDate day, LocalTime time, LocalDateTime local, Instant at, OffsetDateTime offset,
        Duration span, PgInterval period, byte[] bytes,
        List<String> tags, List<Long> ids, List<Mood> moods, Mood mood,
        @Column(type = "mood_kind") Mood renamedEnum,
        @Column(type = "jsonb") String doc,
        @Column(type = "json") String raw,
        @Column(type = "varchar") String code,
        @Column(type = "bigint") long big,
        @Column(type = "interval") PgInterval billing,
        @Column(type = "citext") String email,
        @Column(type = "money") Money price,
        @Column("e_mail") String mail,
        @Column(value = "HTTPStatus") Integer status,
        @Nullable String note,
        @Nullable List<@Nullable String> aliases,
        @Generated Instant createdAt) {}
