package io.wenzheng.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.CitizenReplied;
import io.wenzheng.contracts.DeadlineMet;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.PetitionAwaitingCitizen;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionMerged;
import io.wenzheng.contracts.PetitionProgressReported;
import io.wenzheng.contracts.PetitionRejected;
import io.wenzheng.contracts.PetitionReopened;
import io.wenzheng.contracts.PetitionResolved;
import io.wenzheng.contracts.PetitionResponded;
import io.wenzheng.contracts.PetitionTransferred;
import io.wenzheng.contracts.Pledge;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever order a petition's lifecycle takes, its clocks stay consistent with what they published. */
class PledgeClocksPropertiesTest {

    @Property(tries = 300)
    void clocksStayConsistentWithWhatTheyPublished(@ForAll @Size(max = 14) List<@IntRange(min = 0, max = 9) Integer> kinds,
                                                   @ForAll @Size(min = 14, max = 14) List<@IntRange(min = 0, max = 4000) Integer> minutesApart) {
        Instant at = PledgeClocksTest.FRIDAY_10;
        String id = PledgeClocksTest.ID;
        PledgeClocks.Decision d = PledgeClocksTest.CLOCKS.decide(Map.of(), PledgeClocksTest.received(at), at);
        Map<Pledge, PledgeClock> clocks = d.clocks();
        Map<Pledge, Instant> published = new EnumMap<>(Pledge.class);
        record(d, published);
        int firstResponsesMet = 0;
        for (int i = 0; i < kinds.size(); i++) {
            at = at.plus(Duration.ofMinutes(minutesApart.get(i)));
            PetitionEvent event = switch (kinds.get(i)) {
                case 0 -> PledgeClocksTest.routed(null, at);
                case 1 -> new PetitionTransferred(id, "U-ROADS", "U-PARKS", "园林局", "环境保护", "转办", at, null, "D-2", List.of());
                case 2 -> new PetitionResponded(id, "U", "收到", at);
                case 3 -> new PetitionProgressReported(id, "U", "在办", at);
                case 4 -> new PetitionAwaitingCitizen(id, "U", "哪里？", at);
                case 5 -> new CitizenReplied(id, "这里", at);
                case 6 -> new PetitionResolved(id, "U", "办结", at);
                case 7 -> new PetitionReopened(id, "U", "不满意", at);
                case 8 -> new PetitionRejected(id, PetitionRejected.RejectionReason.INVALID, null, at);
                default -> new PetitionMerged(id, "p-0", "重复", at);
            };
            d = PledgeClocksTest.CLOCKS.decide(clocks, event, at);
            clocks = d.clocks();
            record(d, published);
            firstResponsesMet += (int) d.emissions().stream()
                    .filter(e -> e.event() instanceof DeadlineMet m && m.pledge() == Pledge.FIRST_RESPONSE).count();
            for (PledgeClock clock : clocks.values()) {
                switch (clock.state()) {
                    case MET, PAUSED, CANCELLED -> assertThat(clock.nextFireAt()).as("%s %s", clock.pledge(), clock.state()).isNull();
                    case RUNNING -> assertThat(clock.nextFireAt()).as("a running clock has its next step").isNotNull()
                            .isBeforeOrEqualTo(clock.dueAt());
                    default -> { }
                }
                assertThat(clock.dueAt()).isAfter(clock.startedAt());
                assertThat(clock.dueAt()).as("the stored deadline of %s is the one published", clock.pledge())
                        .isEqualTo(published.get(clock.pledge()));
            }
            for (Pledge pledge : d.changed()) {
                assertThat(d.clocks()).containsKey(pledge);
            }
        }
        assertThat(firstResponsesMet).as("the first response is met once at most").isLessThanOrEqualTo(1);
    }

    private static void record(PledgeClocks.Decision d, Map<Pledge, Instant> published) {
        for (PledgeClocks.Emission e : d.emissions()) {
            if (e.event() instanceof DeadlineSet set) {
                published.put(set.pledge(), set.dueAt());
            }
        }
    }
}
