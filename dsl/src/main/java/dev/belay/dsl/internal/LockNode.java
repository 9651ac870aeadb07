package dev.belay.dsl.internal;

import java.util.List;

/** {@code FOR UPDATE|NO KEY UPDATE|SHARE|KEY SHARE [OF t, ...] [NOWAIT|SKIP LOCKED]}; wait is "" for the default. */
public record LockNode(String strength, List<String> ofQualifiers, String waitPolicy) {
    public LockNode withWait(String policy) {
        return new LockNode(strength, ofQualifiers, policy);
    }

    public LockNode withOf(List<String> qualifiers) {
        return new LockNode(strength, qualifiers, waitPolicy);
    }
}
