package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureNamesTest {
    @Test
    void eachFeatureReadsBackWhateverItsLengthAndMarks() {
        String[] features = {"噪", "噪音", "", "\u0001噪音", "\u0002施工单位", "a0", "音"};
        FeatureNames names = FeatureNames.of(features);

        assertThat(names.size()).isEqualTo(features.length);
        for (int i = 0; i < features.length; i++) {
            assertThat(names.get(i)).isEqualTo(features[i]);
            assertThat(names.length(i)).isEqualTo(features[i].length());
            assertThat(names.packed().substring(names.start(i), names.start(i) + names.length(i))).isEqualTo(features[i]);
            assertThat(names.first(i)).isEqualTo(features[i].isEmpty() ? (char) 0 : features[i].charAt(0));
        }
    }

    @Test
    void theBuilderGrowsPastWhatItExpected() {
        FeatureNames.Builder builder = new FeatureNames.Builder(1);
        for (int i = 0; i < 1000; i++) {
            builder.add("f" + i);
        }
        FeatureNames names = builder.build();
        assertThat(names.size()).isEqualTo(1000);
        assertThat(names.get(0)).isEqualTo("f0");
        assertThat(names.get(999)).isEqualTo("f999");
    }
}
