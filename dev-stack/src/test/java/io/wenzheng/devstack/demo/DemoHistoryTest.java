package io.wenzheng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {
    private static final Instant NOW = Instant.parse("2026-12-04T04:00:00Z"); // 12:00 in the city

    private static List<DemoHistory.Message> board() {
        List<DemoHistory.Message> messages = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2011, 4, 2, 18, 0, 54);
        for (int i = 0; i < 400; i++) {
            LocalDateTime at = first.plusDays(i * 8L).withHour(8 + i % 10);
            messages.add(new DemoHistory.Message(String.valueOf(i), "A000" + i, "A3区路灯不亮" + i, at, "A市A3区某小区路灯坏了" + i,
                    i % 5 == 0 ? null : "已转交处理", i % 5 == 0 ? null : at.plusDays(11)));
        }
        return messages;
    }

    @Test
    void theNewestLiesYesterdayTheYearsFitInOneAndThePlacesAreTheDemoCitys() {
        DemoHistory.Demo demo = DemoHistory.of(board(), NOW, 24, at -> at.plus(Duration.ofHours(1)));
        List<String> lines = new ArrayList<>(demo.recent().lines().skip(1).toList());
        lines.addAll(demo.older().lines().skip(1).toList());
        assertThat(lines).hasSize(400);
        assertThat(demo.backlog()).isEqualTo(24);
        assertThat(demo.history()).isEqualTo(376);
        assertThat(demo.newestDay()).isEqualTo(LocalDate.of(2026, 12, 3));
        List<LocalDate> days = lines.stream().map(l -> LocalDate.parse(l.split("\t")[3].substring(0, 10))).sorted().toList();
        assertThat(days.get(0)).isAfterOrEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("A3区").doesNotContain("A市").contains("西夏区"));
        // Every closed petition has an answer, also those the board published without one, and no answer is in the future.
        long closed = lines.stream().filter(l -> !l.split("\t", -1)[5].isEmpty()).count();
        assertThat(closed).isEqualTo(376);
        assertThat(lines).allSatisfy(l -> {
            String[] c = l.split("\t", -1);
            if (!c[6].isEmpty()) {
                assertThat(c[6].compareTo(c[3])).isGreaterThanOrEqualTo(0);
            }
        });
        assertThat(demo.recentLines() + demo.olderLines()).isEqualTo(400);
        assertThat(demo.receivedSince(LocalDate.of(2026, 11, 1))).isEqualTo(demo.recentLines() - (long) demo.recent().lines()
                .skip(1).filter(l -> l.split("\t")[3].compareTo("2026-11-01") < 0).count());
    }

    @Test
    void todaysBacklogIsOpenAndFallsDueAroundNow() {
        // The pledge as sla previews it: an hour after receipt.
        DemoHistory.Demo demo = DemoHistory.of(board(), NOW, 24, at -> at.plus(Duration.ofHours(1)));
        List<String> open = demo.recent().lines().skip(1).filter(l -> l.split("\t", -1)[5].isEmpty()).toList();
        assertThat(open).hasSize(24);
        for (String line : open) {
            Instant received = LocalDateTime.parse(line.split("\t")[3].replace(' ', 'T')).atZone(DemoHistory.CITY).toInstant();
            Instant due = received.plus(Duration.ofHours(1));
            assertThat(due).isBetween(NOW.minus(Duration.ofMinutes(21)), NOW.plus(Duration.ofMinutes(46)));
        }
    }

    @Test
    void quickFullAnswersRateBetterThanLateOrBoilerplateOnes() {
        var m = new DemoHistory.Message("1", "A1", "s", LocalDateTime.of(2019, 1, 1, 9, 0), "b", "r", null);
        List<Integer> quick = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            var each = new DemoHistory.Message("1", "A" + i, "s", LocalDateTime.of(2019, 1, 1, 9, 0), "b", "r", null);
            String q = DemoHistory.rating(each, "x".repeat(40), Duration.ofMinutes(20));
            String l = DemoHistory.rating(each, "已收悉", Duration.ofHours(5));
            if (!q.isEmpty()) {
                quick.add(Integer.parseInt(q));
                late.add(Integer.parseInt(l));
            }
        }
        assertThat(quick.size()).as("about two in three rate").isBetween(100, 170);
        assertThat(quick.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .isGreaterThan(late.stream().mapToInt(Integer::intValue).average().orElseThrow() + 2);
        assertThat(DemoHistory.place(m.body())).isEqualTo("b");
        assertThat(DemoHistory.place("K市M3县的G2区，A7县和A市")).isEqualTo(DemoHistory.place("K市M3县的G2区，A7县和A市"))
                .doesNotContainPattern("[A-Z][0-9]*[区县市]").startsWith("银川市").endsWith("永宁县和银川市");
        assertThat(DemoHistory.place("ABC市场里的B2B生意")).as("not a place").isEqualTo("ABC市场里的B2B生意");
    }
}
