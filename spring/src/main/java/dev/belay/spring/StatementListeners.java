package dev.belay.spring;

import dev.belay.executor.StatementListener;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Several {@link StatementListener} beans as the one a {@code DBConfig} takes: each hears every call, in order. */
final class StatementListeners implements StatementListener {
    private final List<StatementListener> listeners;

    StatementListeners(List<StatementListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public @Nullable Call started(String sql) {
        List<Call> calls = new ArrayList<>(listeners.size());
        for (StatementListener listener : listeners) {
            Call call = listener.started(sql);
            if (call != null) {
                calls.add(call);
            }
        }
        return new Call() {
            @Override
            public void finished(long rows) {
                calls.forEach(c -> c.finished(rows));
            }

            @Override
            public void failed(Throwable failure) {
                calls.forEach(c -> c.failed(failure));
            }
        };
    }
}
