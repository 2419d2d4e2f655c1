package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordClassifierTest {
    private final KeywordClassifier classifier = KeywordClassifier.standard();

    @Test
    void picksTheCategoryWithMostEvidence() {
        Classification c = classifier.classify("小区旁工地夜间施工噪音扰民，垃圾也没人清理");
        assertThat(c.category()).isEqualTo("环境保护");
        assertThat(c.evidence()).contains("噪音", "施工", "垃圾");
        assertThat(c.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }

    @Test
    void confidenceIsTheShareOfHits() {
        Classification c = classifier.classify("公司拖欠工资三个月");
        assertThat(c.category()).isEqualTo("劳动和社会保障");
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @Test
    void nothingRecognisedIsUnknown() {
        assertThat(classifier.classify("你好").known()).isFalse();
        assertThat(classifier.classify("").known()).isFalse();
        assertThat(classifier.classify(null).confidence()).isZero();
    }
}
