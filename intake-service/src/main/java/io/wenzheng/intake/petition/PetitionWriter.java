package io.wenzheng.intake.petition;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.duplicate.RepeatCheck;
import io.wenzheng.intake.petition.AcceptanceStatement.Acceptance;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.sql.GroupCommit;
import io.wenzheng.kit.sql.Timestamptz;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes accepted petitions by group commit: those accepted while an earlier write was on its way go together, with
 * one repeat lookup and one statement for all of them, where each used to take two round trips and a commit of its
 * own. A petition that arrives while nothing is being written goes at once, alone, so a quiet intake waits for
 * nothing; under load the groups grow by themselves. A group refused for a taken key (a platform message filed
 * before, a tracking code drawn twice) is written again petition by petition, so only the one whose key it was fails.
 */
@ApplicationScoped
public class PetitionWriter {
    /** Above intake's admission bound (32 being filed): every petition admitted at one moment fits one group. */
    static final int MOST_PER_GROUP = 64;

    private static final String EARLIER_OF_CITIZENS = "select c.ref, p.id, p.body, p.possible_duplicate_of, p.received_at "
            + "from unnest($1::varchar[]) as c(ref) cross join lateral (select id, body, possible_duplicate_of, received_at "
            + "from petition where citizen_ref = c.ref and received_at >= $2 order by received_at desc limit 50) p "
            + "order by c.ref, p.received_at desc";

    private final AcceptanceStatement statement;
    private final Pool pool;
    private final RepeatCheck repeats;
    private final String source;
    private final GroupCommit<Acceptance> groups;

    @Inject
    public PetitionWriter(AcceptanceStatement statement, Pool pool, IntakeConfig config, KitConfig kit, MeterRegistry registry) {
        this.statement = statement;
        this.pool = pool;
        this.repeats = new RepeatCheck(Duration.ofDays(config.duplicateWindowDays()), config.duplicateSimilarity());
        this.source = kit.service();
        DistributionSummary sizes = DistributionSummary.builder("wenzheng.intake.acceptance.group")
                .description("Petitions committed together in one acceptance statement (group commit)")
                .register(registry);
        this.groups = new GroupCommit<>(MOST_PER_GROUP,
                group -> flagRepeats(group).chain(() -> statement.write(group, source)),
                alone -> statement.write(List.of(alone), source),
                sizes::record);
    }

    /** Completes once the petition is committed; fails with the database's error if its own key was taken. */
    public Uni<Void> write(Acceptance acceptance) {
        return groups.write(acceptance);
    }

    /**
     * Flags each petition of the group that repeats one of its citizen's earlier ones, from one query for the whole
     * group; a petition may also repeat one received before it in the same group. A hint for the operator, read
     * outside the write: with several intake instances, two of a citizen's petitions racing each other may both go
     * unflagged.
     */
    private Uni<Void> flagRepeats(List<Acceptance> group) {
        Set<String> citizens = new LinkedHashSet<>();
        Instant from = null;
        for (Acceptance a : group) {
            if (a.row().citizenRef != null) {
                citizens.add(a.row().citizenRef);
                Instant start = a.row().receivedAt.minus(repeats.window());
                from = from == null || start.isBefore(from) ? start : from;
            }
        }
        if (citizens.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(EARLIER_OF_CITIZENS)
                .execute(Tuple.of(citizens.toArray(String[]::new), Timestamptz.of(from)))
                .invoke(rows -> {
                    Map<String, List<RepeatCheck.Earlier>> earlier = new HashMap<>();
                    for (Row r : rows) {
                        earlier.computeIfAbsent(r.getString("ref"), ref -> new ArrayList<>()).add(new RepeatCheck.Earlier(
                                r.getString("id"), r.getString("body"), r.getString("possible_duplicate_of"),
                                r.getOffsetDateTime("received_at").toInstant()));
                    }
                    // In the order they were received, so that the later of two alike petitions is the repeat.
                    List<Acceptance> received = new ArrayList<>(group);
                    received.sort(Comparator.comparing(a -> a.row().receivedAt));
                    for (Acceptance a : received) {
                        PetitionRow row = a.row();
                        if (row.citizenRef == null) {
                            continue;
                        }
                        List<RepeatCheck.Earlier> before = earlier.computeIfAbsent(row.citizenRef, ref -> new ArrayList<>());
                        row.possibleDuplicateOf = repeats.repeatOf(row.text, row.receivedAt, before);
                        before.add(0, new RepeatCheck.Earlier(row.id, row.text, row.possibleDuplicateOf, row.receivedAt));
                    }
                })
                .replaceWithVoid();
    }
}
