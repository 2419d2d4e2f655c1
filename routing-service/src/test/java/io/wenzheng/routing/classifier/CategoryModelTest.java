package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.wenzheng.routing.classifier.cli.ClassifierCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trains on a small synthetic corpus of its own, so these tests never depend on the shared data set. */
class CategoryModelTest {
    private static final List<LabelledPetition> CORPUS = corpus();

    @Test
    void learnsTheCategoriesOfItsTrainingTextAndGeneralisesToNewWording() {
        CategoryModel model = new CategoryTrainer(CategoryTrainer.Settings.defaults()).train(CORPUS, CategoryTrainer.Progress.NONE);
        assertThat(model.categories()).containsExactly("交通运输", "劳动和社会保障", "环境保护");

        Classification wages = model.classify("讨薪", "老板拖欠我们的工资已经半年");
        assertThat(wages.category()).isEqualTo("劳动和社会保障");
        assertThat(wages.confidence()).isGreaterThan(0.5);
        assertThat(wages.evidence()).isNotEmpty();

        assertThat(model.classify("", "工厂晚上排放废水，河里有臭味").category()).isEqualTo("环境保护");
        assertThat(model.classify("公交", "这路公交车总是不按站停车").category()).isEqualTo("交通运输");
    }

    @Test
    void theAllocationFreeVectorMatchesTheStringKeyedOne() {
        CategoryModel model = CategoryModel.bundled();
        java.util.Map<String, Integer> vocabulary = new java.util.HashMap<>();
        float[] idf = new float[model.featureCount()];
        for (int i = 0; i < model.featureCount(); i++) {
            vocabulary.put(model.feature(i), i);
            idf[i] = model.idf(i);
        }
        String[][] texts = {{"小区噪音", "A3区某工地夜间施工噪音扰民，严重影响休息。"}, {null, "公交车司机态度恶劣"},
                {"", "ＡＢＣ 123 拖欠工资 拖欠工资 拖欠工资"}, {"讨薪", "x".repeat(5000) + "老板拖欠工资"}};
        for (String[] t : texts) {
            var fast = model.vectorise(t[0], t[1]);
            var reference = CategoryModel.vectorise(TextFeatures.counts(t[0], t[1]), vocabulary, idf);
            java.util.Map<Integer, Float> expected = new java.util.HashMap<>();
            for (int k = 0; k < reference.size(); k++) {
                expected.put(reference.index(k), reference.value(k));
            }
            assertThat(fast.size()).isEqualTo(reference.size());
            for (int k = 0; k < fast.size(); k++) {
                assertThat(fast.value(k)).isCloseTo(expected.get(fast.index(k)), org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void featureMajorWeightsScoreExactlyAsTheClassMajorSums() {
        String[] features = {"噪", "音", "噪音", "工", "资", "工资", "\u0001噪", "\u0001噪音", "公"};
        float[] idf = {1.1f, 1.2f, 2.5f, 1.0f, 1.3f, 2.2f, 2.8f, 3.0f, 2.0f};
        Random random = new Random(7);
        float[][] weights = new float[3][features.length];
        for (float[] row : weights) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        float[] bias = {0.1f, -0.2f, 0.05f};
        CategoryModel model = new CategoryModel(List.of("环境保护", "劳动和社会保障", "交通运输"), features, idf, weights, bias, 1.7);

        var x = model.vectorise("噪音", "夜里噪音很大，工资也没发，公交不来");
        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            double s = bias[c];
            for (int k = 0; k < x.size(); k++) {
                s += weights[c][x.index(k)] * x.value(k);
            }
            expected[c] = s * 1.7;
        }
        assertThat(x.size()).isEqualTo(features.length);
        assertThat(model.probabilities(x)).containsExactly(CategoryModel.softmax(expected));
    }

    @Test
    void confidencesAreProbabilities() {
        CategoryModel model = new CategoryTrainer(CategoryTrainer.Settings.defaults()).train(CORPUS, CategoryTrainer.Progress.NONE);
        var x = model.vectorise("", "噪音扰民");
        double[] p = model.probabilities(x);
        double sum = 0;
        for (double v : p) {
            assertThat(v).isBetween(0.0, 1.0);
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.classify("", "。。。！！").known()).as("no features, no guess").isFalse();
        assertThat(model.classify("", "你好").known()).as("too short to say anything").isFalse();
    }

    @Test
    void aWrittenModelReadsBackWithTheSamePredictions() throws Exception {
        CategoryModel model = new CategoryTrainer(CategoryTrainer.Settings.defaults()).train(CORPUS, CategoryTrainer.Progress.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        CategoryModel copy = CategoryModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (LabelledPetition p : CORPUS) {
            Classification a = model.classify(p.subject(), p.body());
            Classification b = copy.classify(p.subject(), p.body());
            assertThat(b.category()).isEqualTo(a.category());
            assertThat(b.confidence()).isCloseTo(a.confidence(), org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void learningACorrectionMovesThatPetitionTowardsTheTaughtCategory() {
        CategoryModel model = new CategoryTrainer(CategoryTrainer.Settings.defaults()).train(CORPUS, CategoryTrainer.Progress.NONE);
        String text = "地铁站旁边工厂排放废气";
        double before = model.probabilities(model.vectorise("", text))[model.categories().indexOf("交通运输")];
        for (int i = 0; i < 5; i++) {
            model.learn("", text, "交通运输", 0.5);
        }
        double after = model.probabilities(model.vectorise("", text))[model.categories().indexOf("交通运输")];
        assertThat(after).isGreaterThan(before);
        assertThat(model.classify("", text).category()).isEqualTo("交通运输");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.learn("", text, "不存在", 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingIsDeterministic() throws Exception {
        var trainer = new CategoryTrainer(CategoryTrainer.Settings.defaults());
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        trainer.train(CORPUS, CategoryTrainer.Progress.NONE).write(a);
        trainer.train(CORPUS, CategoryTrainer.Progress.NONE).write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void theCommandLineReadsTsvAndWritesIdCategoryConfidence() throws Exception {
        CategoryModel model = new CategoryTrainer(CategoryTrainer.Settings.defaults()).train(CORPUS, CategoryTrainer.Progress.NONE);
        String input = "id\tsubject\tbody\textra\n"
                + "a1\t讨薪\t公司拖欠工资\tignored\n"
                + "a2\t\t地铁站附近道路拥堵\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassifierCli.classify(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, model);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("id\tcategory\tconfidence");
        assertThat(lines.get(1)).matches("a1\t劳动和社会保障\t0\\.\\d{4}");
        assertThat(lines.get(2)).startsWith("a2\t交通运输\t");
    }

    @Test
    void theBundledModelLoadsAndKnowsTheSevenCategories() {
        CategoryModel model = CategoryModel.bundled();
        assertThat(model.categories()).containsExactlyInAnyOrder("城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输");
        assertThat(model.classify("拖欠工资", "公司已经三个月没有发工资了，劳动监察部门请管一管").category()).isEqualTo("劳动和社会保障");
        assertThat(model.classify("孩子入学", "小学招生划片不合理，孩子上学太远").category()).isEqualTo("教育文体");
    }

    static List<LabelledPetition> corpus() {
        String[][] seeds = {
                {"劳动和社会保障", "拖欠工资", "公司拖欠工资三个月", "社保没有缴纳", "单位不签劳动合同", "退休养老金没有发放", "工伤认定太慢"},
                {"环境保护", "噪音扰民", "工地夜间施工噪音", "工厂排放废气污染", "河水有异味废水排放", "餐馆油烟扰民", "垃圾焚烧臭味"},
                {"交通运输", "公交改线", "公交车不按站停车", "出租车拒载", "道路拥堵红绿灯不合理", "地铁站出口太少", "网约车乱收费"},
        };
        List<LabelledPetition> out = new ArrayList<>();
        Random random = new Random(3);
        for (String[] seed : seeds) {
            for (int i = 2; i < seed.length; i++) {
                for (int copy = 0; copy < 3; copy++) {
                    String filler = List.of("请领导重视", "希望尽快解决", "市民反映", "谢谢").get(random.nextInt(4));
                    out.add(new LabelledPetition("", seed[1], seed[i] + "，" + filler, seed[0]));
                }
            }
        }
        return out;
    }
}
