package io.wenzheng.routing.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.routing.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The directory as routing uses it, read once and kept. Loading every unit and rule for each petition was the
 * routing consumer's main cost. This instance's own edits take effect at once; another instance's edits within
 * {@code wenzheng.routing.directory-refresh}.
 */
@ApplicationScoped
public class DirectoryCache {
    public record Snapshot(List<Unit> units, List<RoutingRule> rules, UnitTree tree) {
        public Optional<Unit> unit(String code) {
            return units.stream().filter(u -> u.code().equals(code)).findFirst();
        }
    }

    private record Held(Snapshot snapshot, long readAtNanos, long generation) {
    }

    private final long refreshNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Held held;

    @Inject
    public DirectoryCache(RoutingConfig config) {
        this.refreshNanos = config.directoryRefresh().toNanos();
    }

    /**
     * The directory, read at most a refresh interval ago: in the caller's session, or in a session of its own when the
     * caller has none (a batch routed on a pool transaction).
     */
    public Uni<Snapshot> current() {
        Held now = held;
        if (now != null && now.generation() == generation.get() && System.nanoTime() - now.readAtNanos() < refreshNanos) {
            return Uni.createFrom().item(now.snapshot());
        }
        long readingFor = generation.get();
        long readAt = System.nanoTime();
        return Panache.withSession(() -> UnitRow.<UnitRow>listAll().chain(units -> RuleRow.<RuleRow>listAll().map(rules -> {
            List<Unit> all = units.stream().map(UnitRow::toUnit).toList();
            Snapshot snapshot = new Snapshot(all, rules.stream().map(RuleRow::toRule).toList(), new UnitTree(all));
            // A read that overlapped an edit is used once but not kept: the next call reads again.
            if (generation.get() == readingFor) {
                held = new Held(snapshot, readAt, readingFor);
            }
            return snapshot;
        })));
    }

    /** After this instance changed units or rules, and after its transaction committed. */
    public void invalidate() {
        generation.incrementAndGet();
        held = null;
    }
}
