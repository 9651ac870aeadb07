package dev.belay.it.docs;

import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;
import java.time.Instant;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The row type the documentation uses (docs/descriptors.md); the fixture schema's "users" table. */
// tag::user-record[]
@Table("users")
public record User(@Id @Generated Long id, String name, String email,
                   @Nullable Integer age, @Generated Instant createdAt) {}
// end::user-record[]
