package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void featureMarksGoAndFragmentsInsideLongerWordsFold() {
        assertThat(Evidence.forPeople(List.of("subject:噪音", "噪", "word:扰民", "subject:s", " me", "施工", "工")))
                .containsExactly("噪音", "扰民", "me", "施工");
    }

    @Test
    void spacesAndPunctuationAreNoEvidenceAndSingleCharactersOnlyWhenNothingLongerIsLeft() {
        assertThat(Evidence.forPeople(List.of(" ", "，", "subject:吗", "帮"))).containsExactly("吗", "帮");
        assertThat(Evidence.forPeople(List.of("吗", "，", "帮忙"))).containsExactly("帮忙");
        assertThat(Evidence.forPeople(List.of())).isEmpty();
    }

    @Test
    void atMostFourWordsStrongestFirst() {
        assertThat(Evidence.forPeople(List.of("工资", "拖欠", "社保", "公司", "劳动"))).containsExactly("工资", "拖欠", "社保", "公司");
    }
}
