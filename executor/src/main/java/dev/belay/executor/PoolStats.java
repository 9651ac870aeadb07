package dev.belay.executor;

/** A snapshot of the connection pool: connections in all, in use, idle, and callers waiting for one. */
public record PoolStats(int total, int active, int idle, int waiting) {}
