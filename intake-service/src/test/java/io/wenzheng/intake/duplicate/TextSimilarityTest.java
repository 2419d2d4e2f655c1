package io.wenzheng.intake.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSimilarityTest {

    @Test
    void aRewordedRepeatIsCloseAndAnotherMatterIsFar() {
        String first = "A3区星沙小区旁边的工地夜间施工，噪音很大，严重影响休息。";
        String again = "A3区星沙小区旁工地夜里施工噪音很大，严重影响休息！";
        String other = "公司拖欠工资三个月，请劳动部门帮忙讨薪。";
        assertThat(TextSimilarity.of(first, again)).isGreaterThan(0.5);
        assertThat(TextSimilarity.of(first, other)).isLessThan(0.1);
        assertThat(TextSimilarity.of(first, first)).isEqualTo(1.0);
        assertThat(TextSimilarity.of("噪音，扰民", "噪音扰民")).isEqualTo(1.0);
        assertThat(TextSimilarity.of(first, null)).isZero();
    }
}
