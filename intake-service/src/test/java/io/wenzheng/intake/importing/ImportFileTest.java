package io.wenzheng.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.PetitionStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final ImportFile file = new ImportFile(CITY, NOW);

    @Test
    void readsTheMessageBoardsLayoutWithItsReplyAsTheResolution() {
        var parsed = file.parse("id\tuser\tsubject\ttime\tbody\treply\treply_time\n"
                + "2549\tA00045581\t物业管理有问题\t2019-04-25 09:32:09\t小区物业乱收费\t您好，已转物业科处理\t2019-05-10 14:56:03\n");
        assertThat(parsed.rejections()).isEmpty();
        ImportRecord r = parsed.records().get(0);
        assertThat(r.receivedAt()).isEqualTo(Instant.parse("2019-04-25T01:32:09Z"));
        assertThat(r.channel()).isEqualTo(Channel.WEB);
        assertThat(r.citizen()).isEqualTo("A00045581");
        assertThat(r.firstResponseAt()).isEqualTo(Instant.parse("2019-05-10T06:56:03Z"));
        assertThat(r.resolvedAt()).isEqualTo(r.firstResponseAt());
        assertThat(r.line()).isEqualTo(2);
    }

    @Test
    void rejectsEachBadLineWithItsReasonAndKeepsTheOthers() {
        var parsed = file.parse("time\tsubject\tbody\treply\treply_time\trating\tchannel\n"
                + "2019-04-25 09:32:09\t好\t正文一\t\t\t\t\n"
                + "yesterday\t坏\t正文二\t\t\t\t\n"
                + "2019-04-25 09:32:09\t空\t\t\t\t\t\n"
                + "2019-04-25 09:32:09\t早\t正文三\t答复\t2019-04-24 10:00:00\t\t\n"
                + "2027-01-01 00:00:00\t未来\t正文四\t\t\t\t\n"
                + "2019-04-25 09:32:09\t评\t正文五\t答复\t2019-04-26 10:00:00\t7\t\n"
                + "2019-04-25 09:32:09\t传真\t正文六\t\t\t\tFAX\n"
                + "2019-04-25 09:32:09\t热线\t正文七\t\t\t\t热线\n");
        assertThat(parsed.records()).extracting(ImportRecord::line).containsExactly(2, 9);
        assertThat(parsed.records().get(1).channel()).isEqualTo(Channel.HOTLINE);
        assertThat(parsed.rejections()).extracting(ImportFile.Rejection::line).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(parsed.rejections()).extracting(ImportFile.Rejection::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("'yesterday' is not a time"),
                reason -> assertThat(reason).contains("text is empty"),
                reason -> assertThat(reason).contains("dated before the petition"),
                reason -> assertThat(reason).contains("in the future"),
                reason -> assertThat(reason).contains("rating must be a whole number from 1 to 5"),
                reason -> assertThat(reason).contains("unknown channel FAX"));
        assertThat(parsed.total()).isEqualTo(8);
    }

    @Test
    void aHeaderWithoutTimeOrTextIsRefusedAsAWhole() {
        var parsed = file.parse("id\tsubject\n1\t好\n");
        assertThat(parsed.records()).isEmpty();
        assertThat(parsed.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).contains("must name a received time");
        });
    }

    @Test
    void readsJsonLinesWithRepliesUnitAndRating() {
        var parsed = file.parse("""
                {"receivedAt":"2025-03-01T08:00:00+08:00","channel":"WECHAT","subject":"路灯","text":"路灯不亮","unit":"A3","user":"u1",
                 "replies":[{"at":"2025-03-02T09:00:00+08:00","text":"正在维修"},{"at":"2025-03-01T10:00:00+08:00","text":"已收悉"}],
                 "resolvedAt":"2025-03-05T09:00:00+08:00","rating":4}
                not json
                {"receivedAt":"2025-03-01 08:00:00","text":"只有正文"}
                """.replace("\n ", " "));
        assertThat(parsed.format()).isEqualTo(ImportFile.Format.JSON_LINES);
        assertThat(parsed.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).startsWith("not a JSON object");
        });
        ImportRecord r = parsed.records().get(0);
        assertThat(r.replies()).extracting(ImportRecord.Reply::text).containsExactly("已收悉", "正在维修");
        assertThat(r.unitCode()).isEqualTo("A3");
        assertThat(r.rating()).isEqualTo(4);
        assertThat(r.resolvedAt()).isEqualTo(Instant.parse("2025-03-05T01:00:00Z"));
        assertThat(parsed.records().get(1).resolvedAt()).isNull();
    }

    @Test
    void theSamePetitionHasTheSameKeyAndAnotherHasAnother() {
        String line = "time\tuser\tsubject\tbody\n2019-04-25 09:32:09\tA1\t题\t正文\n";
        String key = file.parse(line).records().get(0).key();
        assertThat(file.parse(line).records().get(0).key()).isEqualTo(key);
        assertThat(file.parse(line.replace("正文", "正文。")).records().get(0).key()).isNotEqualTo(key);
    }

    @Test
    void historyBecomesTheLiveEventsAtTheirOwnTimes() {
        ImportRecord r = new ImportRecord(2, Instant.parse("2025-03-01T00:00:00Z"), Channel.WEB, "路灯", "路灯不亮", null, "A3", "u1",
                List.of(new ImportRecord.Reply(Instant.parse("2025-03-02T00:00:00Z"), "已收悉")), Instant.parse("2025-03-05T00:00:00Z"), 2);
        var steps = ImportedHistory.steps(r, new ImportedHistory.Identity("P1", "T1", "路灯", "路灯不亮", "c-1"), "J1");
        assertThat(steps).extracting(s -> s.event().getClass().getSimpleName())
                .containsExactly("PetitionReceived", "PetitionResponded", "PetitionResolved", "PetitionRated");
        assertThat(steps).extracting(ImportedHistory.Step::at).isSorted();
        var received = (io.wenzheng.contracts.PetitionReceived) steps.get(0).event();
        assertThat(received.imported().unitCode()).isEqualTo("A3");
        assertThat(received.imported().firstResponseAt()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
        assertThat(received.imported().closed()).isTrue();
        assertThat(ImportedHistory.status(steps)).isEqualTo(PetitionStatus.CLOSED);
        assertThat(ImportedHistory.status(steps.subList(0, 1))).isEqualTo(PetitionStatus.RECEIVED);
    }
}
