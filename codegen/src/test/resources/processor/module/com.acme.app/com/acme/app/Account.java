package com.acme.app;

import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

@Table("accounts")
public record Account(@Id @Generated Long id, String name, @Nullable Integer age) {}
