package io.wenzheng.analytics.fact;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionEvent;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.contracts.Pledge;
import io.wenzheng.contracts.TimeBasis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FactFoldingTest {
    private static final String ID = "01JDQ8Z6X0ABCDEFGHJKMNPQRS";
    private static final Instant T = Instant.parse("2026-11-27T02:15:00Z");

    private static final List<PetitionEvent> STORY = List.of(
            new PetitionReceived(ID, "7K3M9QXR", Channel.WEIBO, null, "噪音", null, null, T, null),
            new PetitionRouted(ID, "环境保护", "A3", "A3区", 0.8, "keywords", T.plusSeconds(1), null, null, null),
            new DeadlineSet(ID, Pledge.FIRST_RESPONSE, TimeBasis.WORKING_TIME, T, T.plusSeconds(3600), io.wenzheng.contracts.CalendarStatus.OFFICIAL),
            new DeadlineBreached(ID, Pledge.FIRST_RESPONSE, "A3", T.plusSeconds(3600), T.plusSeconds(3601), false));

    @Test
    void foldsAPetitionsStory() {
        PetitionFact fact = fold(STORY);
        assertThat(fact.status).isEqualTo(PetitionStatus.ROUTED);
        assertThat(fact.channel).isEqualTo(Channel.WEIBO);
        assertThat(fact.unitCode).isEqualTo("A3");
        assertThat(fact.unitName).isEqualTo("A3区");
        assertThat(fact.trackingCode).isEqualTo("7K3M9QXR");
        assertThat(fact.title).as("no subject: the text").isEqualTo("噪音");
        assertThat(fact.category).isEqualTo("环境保护");
        assertThat(fact.firstResponseDue).isEqualTo(T.plusSeconds(3600));
        assertThat(fact.slaState).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void theOrderAcrossTopicsDoesNotChangeTheResult() {
        PetitionFact expected = fold(STORY);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<PetitionEvent> shuffled = new ArrayList<>(STORY);
            Collections.shuffle(shuffled, random);
            // Within one topic order holds: deadline-set precedes breached on petition.sla.
            if (shuffled.indexOf(STORY.get(3)) < shuffled.indexOf(STORY.get(2))) {
                Collections.swap(shuffled, shuffled.indexOf(STORY.get(3)), shuffled.indexOf(STORY.get(2)));
            }
            PetitionFact actual = fold(shuffled);
            assertThat(actual).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(expected);
        }
    }

    private static PetitionFact fold(List<PetitionEvent> events) {
        PetitionFact fact = new PetitionFact();
        events.forEach(e -> FactFolding.fold(fact, EventType.of(e), e));
        return fact;
    }

    @Test
    void aTitleIsTheSubjectOrTheOpeningOfTheTextCutForAList() {
        assertThat(FactFolding.title("小区供暖不热", "正文很长")).isEqualTo("小区供暖不热");
        assertThat(FactFolding.title("  ", "市民来电反映：\n  兴庆区某小区  供暖温度长期不达标，多次联系物业无果，请相关部门尽快处理"))
                .isEqualTo("市民来电反映： 兴庆区某小区 供暖温度长期不达标…");
        assertThat(FactFolding.title(null, null)).isNull();
    }
}
