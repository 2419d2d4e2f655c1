package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The shipped trainer, on the synthetic corpus of {@link CategoryModelTest}: no shared data needed. */
class RatioWeightedSvmTrainerTest {
    private static final List<LabelledPetition> CORPUS = CategoryModelTest.corpus();
    private static final RatioWeightedSvmTrainer TRAINER = new RatioWeightedSvmTrainer(RatioWeightedSvmTrainer.Settings.defaults());

    @Test
    void classifiesNewWordingOfItsCategoriesWithCalibratedConfidence() {
        CategoryModel model = TRAINER.train(CORPUS, CategoryTrainer.Progress.NONE);
        assertThat(model.categories()).containsExactly("交通运输", "劳动和社会保障", "环境保护");
        assertThat(model.classify("讨薪", "老板拖欠我们的工资已经半年").category()).isEqualTo("劳动和社会保障");
        assertThat(model.classify("", "工厂晚上排放废水，河里有臭味").category()).isEqualTo("环境保护");
        assertThat(model.classify("公交", "这路公交车总是不按站停车").category()).isEqualTo("交通运输");
        assertThat(model.temperature()).as("fitted on inner folds, not left at 1").isNotEqualTo(1.0).isPositive();
        double[] p = model.probabilities("", "噪音扰民");
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void aFeatureSeenOnlyInOneCategoryWeighsMoreThanOneSeenEverywhere() {
        // features 0: only in category 0; 1: in every petition; 2: never seen
        CategoryModel.SparseVector[] x = new CategoryModel.SparseVector[6];
        int[] y = {0, 0, 1, 1, 2, 2};
        for (int i = 0; i < 6; i++) {
            x[i] = y[i] == 0 ? new CategoryModel.SparseVector(new int[] {0, 1}, new float[] {0.7f, 0.7f})
                    : new CategoryModel.SparseVector(new int[] {1}, new float[] {1f});
        }
        float[] scale = TRAINER.ratioScale(x, y, 0, 3);
        assertThat(scale[0]).isGreaterThan(scale[1]);
        assertThat(scale[2]).as("unseen: the same smoothed share on both sides, up to the totals").isLessThan(scale[0]);
    }

    @Test
    void theFittedTemperatureRecoversTheOneThatMadeTheLabels() {
        Random random = new Random(11);
        List<double[]> scores = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        double real = 2.5;
        for (int i = 0; i < 20_000; i++) {
            double[] s = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] p = CategoryModel.softmax(new double[] {s[0] * real, s[1] * real, s[2] * real});
            double u = random.nextDouble();
            int label = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            scores.add(s);
            truth.add(label);
        }
        assertThat(RatioWeightedSvmTrainer.fitTemperature(scores, truth)).isCloseTo(real, offset(0.15));
        assertThat(RatioWeightedSvmTrainer.logLoss(scores, truth, real))
                .isLessThan(RatioWeightedSvmTrainer.logLoss(scores, truth, 1.0));
    }

    @Test
    void aWrittenModelKeepsItsTemperatureAndItsPredictions() throws Exception {
        CategoryModel model = TRAINER.train(CORPUS, CategoryTrainer.Progress.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        CategoryModel copy = CategoryModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(copy.temperature()).isEqualTo(model.temperature());
        for (LabelledPetition p : CORPUS) {
            assertThat(copy.classify(p.subject(), p.body()).category()).isEqualTo(model.classify(p.subject(), p.body()).category());
            assertThat(copy.classify(p.subject(), p.body()).confidence())
                    .isCloseTo(model.classify(p.subject(), p.body()).confidence(), offset(0.05));
        }
    }

    @Test
    void aModelWrittenBeforeTemperaturesReadsWithTemperatureOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(0x575A4331);
            out.writeInt(2);
            out.writeUTF("甲");
            out.writeUTF("乙");
            out.writeInt(1);
            out.writeUTF("噪");
            out.writeFloat(1f);
            for (int c = 0; c < 2; c++) {
                out.writeFloat(0f);
                out.writeFloat(1f / 127);
                out.writeByte(c == 0 ? 127 : -127);
            }
        }
        CategoryModel old = CategoryModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(old.temperature()).isEqualTo(1.0);
        assertThat(old.classify("", "噪音噪音").category()).isEqualTo("甲");
        assertThat(old.classify("", "噪音噪音").confidence()).isCloseTo(Math.exp(1) / (Math.exp(1) + Math.exp(-1)), offset(1e-3));
    }

    @Test
    void trainingIsDeterministic() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TRAINER.train(CORPUS, CategoryTrainer.Progress.NONE).write(a);
        TRAINER.train(CORPUS, CategoryTrainer.Progress.NONE).write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }
}
