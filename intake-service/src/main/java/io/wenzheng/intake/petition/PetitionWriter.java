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
 * Writes accepted petitions by group commit: those accepted while all writers were busy go together, with one look-up
 * (repeats, messages filed before) and one statement for all of them, where each used to take up to three round trips
 * and two commits of its own. A petition that arrives while a writer is free goes at once, alone, so a quiet intake
 * waits for nothing; under load the groups grow by themselves. A group refused for a taken key (a delivery racing the
 * first into the same group, a tracking code drawn twice) is written again petition by petition, so only the one
 * whose key it was fails.
 */
@ApplicationScoped
public class PetitionWriter {
    /** Above intake's admission bound (32 being filed): every petition admitted at one moment fits one group. */
    static final int MOST_PER_GROUP = 64;
    /**
     * Writes under way at once. With one, a write slowed by a busy machine held back every petition behind it: at 40
     * petitions a second the answers' median went from 37 to 94 ms (docs/performance.md, 2026-12-07). Petitions wait
     * for a group only when all of these are busy.
     */
    static final int WRITERS = 4;

    /**
     * What a group must know before it is written, in one round trip: the last days' petitions of its citizens (for
     * the repeat check) and the petitions its platform messages already became (a platform delivering again).
     */
    private static final String LOOK_UP = "select 'repeat' as kind, c.ref, p.id, p.body, p.possible_duplicate_of, p.received_at, "
            + "null::varchar as tracking_code, null::varchar as status, null::bigint as k "
            + "from unnest($1::varchar[]) as c(ref) cross join lateral (select id, body, possible_duplicate_of, received_at "
            + "from petition where citizen_ref = c.ref and received_at >= $2 order by received_at desc limit 50) p "
            + "union all select 'filed', null, p.id, null, null, p.received_at, p.tracking_code, p.status, m.k "
            + "from unnest($3::varchar[], $4::varchar[], $5::varchar[]) with ordinality as m(channel, account, message_id, k) "
            + "join channel_message f on f.channel = m.channel and f.account = m.account and f.message_id = m.message_id "
            + "join petition p on p.id = f.petition_id";

    private final Pool pool;
    private final RepeatCheck repeats;
    private final GroupCommit<Acceptance> groups;

    @Inject
    public PetitionWriter(AcceptanceStatement statement, Pool pool, IntakeConfig config, KitConfig kit, MeterRegistry registry) {
        this.pool = pool;
        this.repeats = new RepeatCheck(Duration.ofDays(config.duplicateWindowDays()), config.duplicateSimilarity());
        String source = kit.service();
        DistributionSummary sizes = DistributionSummary.builder("wenzheng.intake.acceptance.group")
                .description("Petitions committed together in one acceptance statement (group commit)")
                .register(registry);
        this.groups = new GroupCommit<>(MOST_PER_GROUP, WRITERS,
                group -> lookUp(group).chain(() -> {
                    List<Acceptance> unfiled = group.stream().filter(a -> a.filedBefore().get() == null).toList();
                    return unfiled.isEmpty() ? Uni.createFrom().voidItem() : statement.write(unfiled, source);
                }),
                alone -> statement.write(List.of(alone), source),
                sizes::record);
    }

    /**
     * Completes once the petition is committed, or once its group has found its platform message filed before (then
     * {@link Acceptance#filedBefore()} holds that delivery's receipt and nothing was written); fails with the database's
     * error if its own key was taken meanwhile.
     */
    public Uni<Void> write(Acceptance acceptance) {
        return groups.write(acceptance);
    }

    /**
     * Finds, for the whole group in one query, which of its platform messages were filed before and which of its
     * petitions repeat one of their citizen's earlier ones; a petition may also repeat one received before it in the
     * same group. The repeat flag is a hint for the operator, read outside the write: two of a citizen's petitions in
     * groups written at the same time (or by two intake instances) may both go unflagged.
     */
    private Uni<Void> lookUp(List<Acceptance> group) {
        Set<String> citizens = new LinkedHashSet<>();
        Instant from = null;
        List<Acceptance> messages = new ArrayList<>();
        for (Acceptance a : group) {
            if (a.row().citizenRef != null) {
                citizens.add(a.row().citizenRef);
                Instant start = a.row().receivedAt.minus(repeats.window());
                from = from == null || start.isBefore(from) ? start : from;
            }
            if (a.message()) {
                messages.add(a);
            }
        }
        if (citizens.isEmpty() && messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] channels = messages.stream().map(a -> a.row().channel.name()).toArray(String[]::new);
        String[] accounts = messages.stream().map(a -> a.origin().account()).toArray(String[]::new);
        String[] messageIds = messages.stream().map(a -> a.origin().messageId()).toArray(String[]::new);
        return pool.preparedQuery(LOOK_UP)
                .execute(Tuple.of(citizens.toArray(String[]::new), Timestamptz.of(from), channels, accounts, messageIds))
                .invoke(rows -> {
                    Map<String, List<RepeatCheck.Earlier>> earlier = new HashMap<>();
                    for (Row r : rows) {
                        if ("filed".equals(r.getString("kind"))) {
                            messages.get(r.getLong("k").intValue() - 1).filedBefore().set(PetitionReceipt.of(r));
                        } else {
                            earlier.computeIfAbsent(r.getString("ref"), ref -> new ArrayList<>()).add(new RepeatCheck.Earlier(
                                    r.getString("id"), r.getString("body"), r.getString("possible_duplicate_of"),
                                    r.getOffsetDateTime("received_at").toInstant()));
                        }
                    }
                    earlier.values().forEach(list -> list.sort(Comparator.comparing(RepeatCheck.Earlier::receivedAt).reversed()));
                    List<RepeatCheck.Candidate> candidates = group.stream().filter(a -> a.filedBefore().get() == null)
                            .map(a -> new RepeatCheck.Candidate(a.row().id, a.row().citizenRef, a.row().text, a.row().receivedAt))
                            .toList();
                    Map<String, String> repeatOf = repeats.repeatsIn(candidates, earlier);
                    group.forEach(a -> a.row().possibleDuplicateOf = repeatOf.get(a.row().id));
                })
                .replaceWithVoid();
    }
}
