package io.wenzheng.e2e.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wenzheng.devstack.DevStack;
import io.wenzheng.devstack.identity.Tokens;
import io.wenzheng.devstack.load.PetitionLoad;
import io.wenzheng.devstack.suite.ServiceName;
import io.wenzheng.devstack.suite.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The truth after a run: for every petition the suite answered with a 2xx, what each service's own database holds,
 * and whether analytics' totals match intake's. It reads the databases directly because it checks the services,
 * so it must not depend on their APIs being right; the analytics totals are read through the API users see.
 */
final class Reconciliation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The counts before the run, so a harness can share a suite that already holds petitions. */
    record Baseline(long intakePetitions, long analyticsTotal, long analyticsReceived) {
    }

    /**
     * @param lostInIntake accepted, but intake has no such petition
     * @param notRouted in intake, but routing has no current decision
     * @param withoutDeadline in intake, but sla has no first-response deadline
     * @param notCounted in intake, but analytics has no fact row
     * @param duplicateDeadlines petitions with more than one first-response deadline
     * @param duplicateRouting petitions whose history holds more than one routed event
     * @param truth petitions intake stored during the run (answered or not: a crash can store and lose the answer)
     * @param analyticsTotal petitions analytics counts in its facts, over the same run
     * @param analyticsReceived petitions analytics' pre-aggregated counters received, over the same run
     */
    record Outcome(int accepted, int lostInIntake, int notRouted, int withoutDeadline, int notCounted,
                   int duplicateDeadlines, int duplicateRouting, long truth, long analyticsTotal, long analyticsReceived,
                   double settledAfterSeconds, List<String> examples) {
        int lost() {
            return lostInIntake + notRouted + withoutDeadline + notCounted;
        }

        long duplicated() {
            return duplicateDeadlines + duplicateRouting + Math.max(0, analyticsTotal - truth) + Math.max(0, analyticsReceived - truth);
        }

        boolean analyticsEqualsTruth() {
            return analyticsTotal == truth && analyticsReceived == truth;
        }

        boolean clean() {
            return lost() == 0 && duplicated() == 0 && analyticsEqualsTruth();
        }
    }

    private final DevStack stack;
    private final Suite suite;
    private final Tokens tokens;

    Reconciliation(DevStack stack, Suite suite, Tokens tokens) {
        this.stack = stack;
        this.suite = suite;
        this.tokens = tokens;
    }

    Baseline baseline() {
        JsonNode measures = analytics("/api/v1/stats/measures");
        return new Baseline(count("intake", "select count(*) from petition"), analytics("/api/v1/stats/summary").path("total").asLong(),
                measures.path("total").path("received").asLong());
    }

    /** Checks until everything agrees or {@code patience} is over; what still disagrees then is lost or doubled. */
    Outcome settle(Collection<PetitionLoad.Attempt> accepted, Baseline before, Duration patience, Consumer<String> progress) {
        long begin = System.nanoTime();
        long until = begin + patience.toNanos();
        Outcome outcome;
        while (true) {
            try {
                outcome = check(accepted, before, (System.nanoTime() - begin) / 1e9);
                if (outcome.clean() || System.nanoTime() > until) {
                    return outcome;
                }
                progress.accept(String.format("reconcile | %.0f s: %d not in intake, %d not routed, %d without deadline, %d not counted; "
                                + "analytics %d/%d of %d", outcome.settledAfterSeconds(), outcome.lostInIntake(), outcome.notRouted(),
                        outcome.withoutDeadline(), outcome.notCounted(), outcome.analyticsTotal(), outcome.analyticsReceived(), outcome.truth()));
            } catch (RuntimeException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                progress.accept("reconcile | cannot check yet: " + e.getMessage());
            }
            Fault.sleep(Duration.ofSeconds(3));
        }
    }

    private Outcome check(Collection<PetitionLoad.Attempt> accepted, Baseline before, double elapsed) {
        List<String> examples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> wechatMessages = new ArrayList<>();
        for (PetitionLoad.Attempt a : accepted) {
            if (a.route() == PetitionLoad.Route.REST) {
                ids.add(a.key());
            } else {
                wechatMessages.add(a.key());
            }
        }
        Map<String, String> byMessage = pairs("intake",
                "select message_id, petition_id from channel_message where channel = 'WECHAT' and message_id = any(?)", wechatMessages);
        int lostInIntake = 0;
        for (String message : wechatMessages) {
            String id = byMessage.get(message);
            if (id == null) {
                lostInIntake++;
                examples.add("WeChat message " + message + " was answered but is not in intake");
            } else {
                ids.add(id);
            }
        }
        Set<String> inIntake = column("intake", "select id from petition where id = any(?)", ids);
        lostInIntake += missing(ids, inIntake, "intake", examples);
        int notRouted = missing(inIntake, column("routing", "select petition_id from routing_decision where petition_id = any(?)", ids), "routing", examples);
        Map<String, String> deadlines = pairs("sla", "select petition_id, count(*)::text from deadline_timer "
                + "where pledge = 'FIRST_RESPONSE' and petition_id = any(?) group by petition_id", ids);
        int withoutDeadline = missing(inIntake, deadlines.keySet(), "sla", examples);
        int duplicateDeadlines = (int) deadlines.values().stream().filter(n -> Long.parseLong(n) > 1).count();
        int notCounted = missing(inIntake, column("analytics", "select petition_id from petition_fact where petition_id = any(?)", ids), "analytics", examples);
        int duplicateRouting = column("intake", "select petition_id from petition_history where event_type = 'wenzheng.petition.routed.v1' "
                + "and petition_id = any(?) group by petition_id having count(distinct event_id) > 1", ids).size();
        long truth = count("intake", "select count(*) from petition") - before.intakePetitions();
        JsonNode measures = analytics("/api/v1/stats/measures");
        long total = analytics("/api/v1/stats/summary").path("total").asLong() - before.analyticsTotal();
        long received = measures.path("total").path("received").asLong() - before.analyticsReceived();
        return new Outcome(accepted.size(), lostInIntake, notRouted, withoutDeadline, notCounted, duplicateDeadlines, duplicateRouting,
                truth, total, received, elapsed, examples.subList(0, Math.min(10, examples.size())));
    }

    private static int missing(Set<String> expected, Set<String> found, String where, List<String> examples) {
        int n = 0;
        for (String id : expected) {
            if (!found.contains(id)) {
                n++;
                if (examples.size() < 10) {
                    examples.add(id + " is missing in " + where);
                }
            }
        }
        return n;
    }

    private long count(String database, String sql) {
        try (Connection c = stack.postgres().superuserConnection(database); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    private Set<String> column(String database, String sql, Collection<String> ids) {
        return new HashSet<>(pairs(database, sql.replaceFirst("select (\\w+)", "select $1, ''"), ids).keySet());
    }

    private Map<String, String> pairs(String database, String sql, Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = stack.postgres().superuserConnection(database); var st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    private JsonNode analytics(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(ServiceName.ANALYTICS) + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + tokens.of("analyst1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("analytics " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("analytics " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
