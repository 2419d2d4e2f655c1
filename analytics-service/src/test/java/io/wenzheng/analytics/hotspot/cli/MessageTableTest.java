package io.wenzheng.analytics.hotspot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wenzheng.analytics.hotissue.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTableTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBoardsOwnLayoutWithLikesAndSlashedTimes() throws Exception {
        Path file = dir.resolve("attachment3.tsv");
        Files.writeString(file, "留言编号\t留言用户\t留言主题\t留言时间\t留言详情\t反对数\t点赞数\n"
                + "188006\tA0001\tA市伊景园滨河苑捆绑销售车位\t2019/8/1 9:03:02\t购房要求必须买车位\t0\t5\n"
                + "188007\t\t丽发新城搅拌站噪音\t2019-08-02 10:00:00\t夜间噪音\t1\t\n"
                + "188008\tA0002\t时间不对\t昨天\t正文\t0\t0\n", StandardCharsets.UTF_8);

        MessageTable.Read read = MessageTable.read(file);

        assertThat(read.messages()).hasSize(2);
        Message first = read.messages().get(0);
        assertThat(first.id()).isEqualTo("188006");
        assertThat(first.citizen()).isEqualTo("A0001");
        assertThat(first.likes()).isEqualTo(5);
        assertThat(first.time()).isEqualTo(Instant.parse("2019-08-01T01:03:02Z"));
        assertThat(read.messages().get(1).citizen()).isNull();
        assertThat(read.skipped()).singleElement().asString().contains("row 4").contains("昨天");
    }

    @Test
    void namesTheMissingColumns() throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "id\tsubject\tbody\n1\t标题\t正文\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MessageTable.read(file)).hasMessageContaining("id, subject, time and body");
    }
}
