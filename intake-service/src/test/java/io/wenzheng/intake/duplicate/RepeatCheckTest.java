package io.wenzheng.intake.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatCheckTest {
    private static final RepeatCheck CHECK = new RepeatCheck(Duration.ofDays(7), 0.5);
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final String NOISE = "A3区星沙小区旁边的工地夜间施工，噪音很大，严重影响休息。";
    private static final String NOISE_AGAIN = "A3区星沙小区旁工地夜里施工噪音很大，严重影响休息！";
    private static final String WAGES = "公司拖欠工资三个月，请劳动部门帮忙讨薪。";

    @Test
    void aPetitionThatReadsLikeAnEarlierOneOfTheWindowRepeatsIt() {
        var earlier = List.of(new RepeatCheck.Earlier("p-2", WAGES, null, NOW.minus(Duration.ofHours(1))),
                new RepeatCheck.Earlier("p-1", NOISE, null, NOW.minus(Duration.ofDays(2))));
        assertThat(CHECK.repeatOf(NOISE_AGAIN, NOW, earlier)).isEqualTo("p-1");
        assertThat(CHECK.repeatOf("路灯坏了很久没人修，晚上很黑。", NOW, earlier)).isNull();
    }

    @Test
    void aRepeatPointsAtTheFirstOfItsChain() {
        var earlier = List.of(new RepeatCheck.Earlier("p-2", NOISE_AGAIN, "p-1", NOW.minus(Duration.ofHours(1))),
                new RepeatCheck.Earlier("p-1", NOISE, null, NOW.minus(Duration.ofDays(1))));
        assertThat(CHECK.repeatOf(NOISE, NOW, earlier)).isEqualTo("p-1");
    }

    @Test
    void onlyPetitionsInsideTheWindowBeforeThisOneCount() {
        var tooOld = List.of(new RepeatCheck.Earlier("p-1", NOISE, null, NOW.minus(Duration.ofDays(8))));
        assertThat(CHECK.repeatOf(NOISE, NOW, tooOld)).isNull();
        var later = List.of(new RepeatCheck.Earlier("p-3", NOISE, null, NOW.plusSeconds(1)));
        assertThat(CHECK.repeatOf(NOISE, NOW, later)).as("a petition accepted after this one").isNull();
        var edge = List.of(new RepeatCheck.Earlier("p-1", NOISE, null, NOW.minus(Duration.ofDays(7))));
        assertThat(CHECK.repeatOf(NOISE, NOW, edge)).isEqualTo("p-1");
    }

    @Test
    void theNewestAlikePetitionWinsOverAnOlderOne() {
        var earlier = List.of(new RepeatCheck.Earlier("p-5", NOISE, null, NOW.minus(Duration.ofHours(1))),
                new RepeatCheck.Earlier("p-4", NOISE, null, NOW.minus(Duration.ofDays(3))));
        assertThat(CHECK.repeatOf(NOISE, NOW, earlier)).isEqualTo("p-5");
        assertThat(CHECK.repeatOf(NOISE, NOW, List.of())).isNull();
    }

    @Test
    void inAGroupTheLaterOfTwoAlikePetitionsOfOneCitizenRepeatsTheEarlierWhateverTheirOrderInTheGroup() {
        var first = new RepeatCheck.Candidate("g-1", "c-1", NOISE, NOW);
        var second = new RepeatCheck.Candidate("g-2", "c-1", NOISE_AGAIN, NOW.plusMillis(3));
        var otherCitizen = new RepeatCheck.Candidate("g-3", "c-2", NOISE, NOW.plusMillis(1));
        var anonymous = new RepeatCheck.Candidate("g-4", null, NOISE, NOW.plusMillis(2));
        var repeats = CHECK.repeatsIn(List.of(second, otherCitizen, anonymous, first), java.util.Map.of());
        assertThat(repeats).containsExactlyEntriesOf(java.util.Map.of("g-2", "g-1"));
    }

    @Test
    void inAGroupARepeatOfAnEarlierPetitionPointsAtTheFirstOfItsChainAndTheNextOneToo() {
        var earlier = java.util.Map.of("c-1", List.of(new RepeatCheck.Earlier("p-1", NOISE, null, NOW.minus(Duration.ofDays(1)))));
        var a = new RepeatCheck.Candidate("g-1", "c-1", NOISE_AGAIN, NOW);
        var b = new RepeatCheck.Candidate("g-2", "c-1", NOISE, NOW.plusMillis(1));
        var c = new RepeatCheck.Candidate("g-3", "c-1", WAGES, NOW.plusMillis(2));
        assertThat(CHECK.repeatsIn(List.of(a, b, c), earlier)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("g-1", "p-1", "g-2", "p-1"));
    }
}
