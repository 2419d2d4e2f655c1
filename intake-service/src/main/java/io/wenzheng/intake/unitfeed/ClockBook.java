package io.wenzheng.intake.unitfeed;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.CaseUpdate;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.kit.sql.MultiRowStatement;
import io.wenzheng.kit.sql.Timestamptz;
import io.wenzheng.kit.sql.RowsById;
import io.wenzheng.contracts.CalendarStatus;
import io.wenzheng.contracts.TimeBasis;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final MultiRowStatement UPSERT = new MultiRowStatement(
            "insert into petition_clock (petition_id, pledge, due_at, time_basis, calendar, state) values ", "(?, ?, ?, ?, ?, ?)",
            " on conflict (petition_id, pledge) do update set due_at = excluded.due_at, "
                    + "time_basis = excluded.time_basis, calendar = excluded.calendar, state = excluded.state");

    private final Map<String, Map<Pledge, CaseUpdate.Clock>> byPetition = new HashMap<>();
    private final Set<Changed> changed = new LinkedHashSet<>();

    private record Changed(String petitionId, Pledge pledge) {
    }

    /** A clock as stored for a petition. */
    record Stored(String petitionId, CaseUpdate.Clock clock) {
        static Stored of(Object[] c) {
            return new Stored((String) c[0], new CaseUpdate.Clock(Pledge.valueOf((String) c[1]), Timestamptz.instant(c[2]),
                    c[3] == null ? null : TimeBasis.valueOf((String) c[3]), c[4] == null ? null : CalendarStatus.valueOf((String) c[4]),
                    CaseUpdate.ClockState.valueOf((String) c[5])));
        }
    }

    ClockBook(List<Stored> stored) {
        stored.forEach(s -> clocks(s.petitionId()).put(s.clock().pledge(), s.clock()));
    }

    /** The petitions' clocks, read as plain columns in the caller's transaction. */
    public static Uni<ClockBook> load(Collection<String> petitionIds) {
        return RowsById.select("select petition_id, pledge, due_at, time_basis, calendar, state from petition_clock "
                + "where petition_id = any($1)", petitionIds, Stored::of).map(ClockBook::new);
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
        List<List<Object>> rows = new ArrayList<>();
        for (Changed c : changed) {
            CaseUpdate.Clock clock = byPetition.get(c.petitionId()).get(c.pledge());
            rows.add(Arrays.asList(c.petitionId(), c.pledge().name(), clock.dueAt(),
                    clock.timeBasis() == null ? null : clock.timeBasis().name(),
                    clock.calendar() == null ? null : clock.calendar().name(), clock.state().name()));
        }
        return UPSERT.execute(rows).replaceWithVoid();
    }

    private Map<Pledge, CaseUpdate.Clock> clocks(String petitionId) {
        return byPetition.computeIfAbsent(petitionId, id -> new EnumMap<>(Pledge.class));
    }
}
