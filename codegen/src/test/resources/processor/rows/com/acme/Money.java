package com.acme;

/** A user type carried by a converter registered for the PostgreSQL type money. */
public record Money(long cents) {}
