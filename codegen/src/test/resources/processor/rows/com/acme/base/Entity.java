package com.acme.base;

import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import java.time.Instant;

/** A base class in another package: its fields are columns of every subclass. */
public abstract class Entity {
    @Id @Generated protected Long id;
    @Generated protected Instant createdAt;
}
