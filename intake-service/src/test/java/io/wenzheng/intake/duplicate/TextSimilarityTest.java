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

    /** The packed bigrams give what the set of two-character strings gave: the earlier form, written out here. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "A3区星沙小区旁边的工地夜间施工，噪音很大。|A3区星沙小区旁工地夜里施工噪音很大！",
            "噪音噪音噪音扰民|噪音扰民扰民",
            "Road LIGHT broken 路灯|road light BROKEN 路灯坏了",
            "𠀋𠀋字|𠀋字字",
            "一|一",
            "ab|ba"})
    void packedBigramsGiveTheSimilarityOfStringBigrams(String a, String b) {
        assertThat(TextSimilarity.of(a, b)).isEqualTo(stringBigramSimilarity(a, b));
        assertThat(TextSimilarity.against(a).applyAsDouble(b)).isEqualTo(TextSimilarity.of(b, a));
    }

    private static double stringBigramSimilarity(String a, String b) {
        java.util.Set<String> x = stringBigrams(a);
        java.util.Set<String> y = stringBigrams(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        java.util.Set<String> both = new java.util.HashSet<>(x);
        both.retainAll(y);
        return both.size() / (double) (x.size() + y.size() - both.size());
    }

    private static java.util.Set<String> stringBigrams(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(kept::appendCodePoint);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i + 2 <= kept.length(); i++) {
            out.add(kept.substring(i, i + 2));
        }
        return out;
    }
}
