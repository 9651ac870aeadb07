package dev.belay.executor;

/**
 * Where work routed to a read replica goes when no replica can take it (every one failed to connect within
 * {@link DBConfig.Builder#replicaRetryAfter}): {@code DBConfig.builder(url).replica(r1).replicaFallback(FAIL)}.
 */
public enum ReplicaFallback {
    /** To the primary (the default): reads keep working, and the primary takes their load meanwhile. */
    PRIMARY,
    /** Nowhere: the call throws {@link ReplicaUnavailableException}, naming the replicas and why they failed. */
    FAIL
}
