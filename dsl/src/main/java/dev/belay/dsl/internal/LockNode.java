package dev.belay.dsl.internal;

import java.util.List;

/** {@code FOR UPDATE|NO KEY UPDATE|SHARE|KEY SHARE [OF t, ...] [NOWAIT|SKIP LOCKED]}. */
public record LockNode(Strength strength, List<String> ofQualifiers, Wait waitPolicy) {

    /** The row lock's strength, strongest first. */
    public enum Strength { UPDATE, NO_KEY_UPDATE, SHARE, KEY_SHARE }

    /** What a locked row does to this statement: wait for it (the default), fail, or skip it. */
    public enum Wait { BLOCK, NOWAIT, SKIP_LOCKED }

    public LockNode {
        ofQualifiers = List.copyOf(ofQualifiers);
    }

    public static LockNode of(Strength strength) {
        return new LockNode(strength, List.of(), Wait.BLOCK);
    }

    public LockNode withWait(Wait policy) {
        return new LockNode(strength, ofQualifiers, policy);
    }

    public LockNode withOf(List<String> qualifiers) {
        return new LockNode(strength, qualifiers, waitPolicy);
    }
}
