package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NaiveBayesBlendTest {

    private static CategoryModel.SparseVector only(int feature) {
        return new CategoryModel.SparseVector(new int[] {feature}, new float[] {1f});
    }

    @Test
    void aFeatureSeenOnlyInOneClassLeansTowardsItAndEveryFeatureStaysCentred() {
        // Feature 0 occurs in class 0's petitions only, feature 1 in class 1's, feature 2 in both alike.
        CategoryModel.SparseVector[] x = {only(0), only(0), only(2), only(1), only(1), only(2)};
        int[] y = {0, 0, 0, 1, 1, 1};
        float[][] w = new float[2][3];
        CategoryTrainer.blendNaiveBayes(x, y, 2, 3, 1.0, w);
        assertThat(w[0][0]).isGreaterThan(w[1][0]);
        assertThat(w[1][1]).isGreaterThan(w[0][1]);
        assertThat(w[0][2]).isEqualTo(w[1][2]);
        for (int f = 0; f < 3; f++) {
            assertThat(w[0][f] + w[1][f]).as("centred across the classes").isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }
}
