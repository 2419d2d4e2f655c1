package io.wenzheng.intake.unitfeed;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.Pledge;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pledge clocks of a batch's petitions as sla-service last told intake: read in one query, followed event by
 * event in memory (so a notice sees the clocks as they stand after its own event), written back in one upsert.
 */
public final class ClockBook {
    private static final String UPSERT = "insert into petition_clock (petition_id, pledge, due_at, time_basis, calendar, state) values ";
    private static final String ON_CONFLICT = " on conflict (petition_id, pledge) do update set due_at = excluded.due_at, "
            + "time_basis = excluded.time_basis, calendar = excluded.calendar, state = excluded.state";

    private final Map<String, Map<Pledge, CaseUpdate.Clock>> byPetition = new HashMap<>();
    private final Set<Changed> changed = new LinkedHashSet<>();

    private record Changed(String petitionId, Pledge pledge) {
    }

    ClockBook(Collection<ClockRow> rows) {
        rows.forEach(row -> clocks(row.key.petitionId()).put(row.key.pledge(), row.clock()));
    }

    public static Uni<ClockBook> load(Collection<String> petitionIds) {
        return ClockRow.<ClockRow>list("key.petitionId in ?1", petitionIds).map(ClockBook::new);
    }

    /** Keeps what an SLA event says about one of the petition's clocks; other events change nothing. */
    public void follow(String petitionId, PetitionEvent event) {
        Pledge pledge = CaseNotices.pledgeOf(event);
        if (pledge == null) {
            return;
        }
        CaseUpdate.Clock after = CaseNotices.clockAfter(event, clocks(petitionId).get(pledge));
        if (after != null) {
            clocks(petitionId).put(pledge, after);
            changed.add(new Changed(petitionId, pledge));
        }
    }

    /** The petition's clocks, in pledge order. */
    public List<CaseUpdate.Clock> of(String petitionId) {
        return byPetition.getOrDefault(petitionId, Map.of()).values().stream()
                .sorted(Comparator.comparing(CaseUpdate.Clock::pledge)).toList();
    }

    /** Writes every clock an event changed, in the caller's transaction. */
    public Uni<Void> write() {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder(UPSERT);
        List<Object> values = new ArrayList<>();
        for (Changed c : changed) {
            CaseUpdate.Clock clock = byPetition.get(c.petitionId()).get(c.pledge());
            int first = values.size() + 1;
            sql.append(values.isEmpty() ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d)",
                    first, first + 1, first + 2, first + 3, first + 4, first + 5));
            values.add(c.petitionId());
            values.add(c.pledge().name());
            values.add(OffsetDateTime.ofInstant(clock.dueAt(), ZoneOffset.UTC));
            values.add(clock.timeBasis() == null ? null : clock.timeBasis().name());
            values.add(clock.calendar() == null ? null : clock.calendar().name());
            values.add(clock.state().name());
        }
        sql.append(ON_CONFLICT);
        return Panache.getSession().chain(session -> {
            var upsert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < values.size(); i++) {
                upsert.setParameter(i + 1, values.get(i));
            }
            return upsert.executeUpdate();
        }).replaceWithVoid();
    }

    private Map<Pledge, CaseUpdate.Clock> clocks(String petitionId) {
        return byPetition.computeIfAbsent(petitionId, id -> new EnumMap<>(Pledge.class));
    }
}
