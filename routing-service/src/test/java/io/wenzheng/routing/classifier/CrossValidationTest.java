package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void twinsStayInOneFoldAndClassesSpreadAcrossFolds() {
        List<LabelledPetition> data = new ArrayList<>();
        // Digits fold to 0 in normalisation, so each petition gets distinct letters instead.
        String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川河海风云雷电春夏秋冬东南西北中天地人和";
        for (int i = 0; i < 50; i++) {
            String category = i % 2 == 0 ? "A" : "B";
            String tag = letters.substring(i, i + 1);
            data.add(new LabelledPetition("", "主题" + tag + "独一无二的标题", "正文" + tag + "这是一条足够长的留言正文内容用于测试交叉验证的分组是否正确无误请相关部门尽快调查处理并给出答复", category));
        }
        // A twin: same subject as petition 7, different wording in the body.
        data.add(new LabelledPetition("", data.get(7).subject(), "完全不同的正文", "B"));
        // A twin by body: same first 40 characters as petition 8.
        data.add(new LabelledPetition("", "另一个标题也很长", data.get(8).body() + "追加内容", "A"));

        int[] fold = CrossValidation.folds(data, 5);

        assertThat(fold[50]).isEqualTo(fold[7]);
        assertThat(fold[51]).isEqualTo(fold[8]);
        for (int f = 0; f < 5; f++) {
            int finalF = f;
            long a = java.util.stream.IntStream.range(0, data.size()).filter(i -> fold[i] == finalF && data.get(i).category().equals("A")).count();
            long b = java.util.stream.IntStream.range(0, data.size()).filter(i -> fold[i] == finalF && data.get(i).category().equals("B")).count();
            assertThat(a).isBetween(4L, 7L);
            assertThat(b).isBetween(4L, 7L);
        }
    }

    @Test
    void reportComputesAccuracyAndMacroF1() {
        EvaluationReport report = new EvaluationReport(List.of("A", "B"));
        report.add("A", "A", 0.9);
        report.add("A", "A", 0.8);
        report.add("A", "B", 0.6);
        report.add("B", "B", 0.7);
        assertThat(report.accuracy()).isEqualTo(0.75);
        // A: precision 1, recall 2/3 -> F1 0.8; B: precision 0.5, recall 1 -> F1 2/3.
        assertThat(report.f1(0)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.markdown()).contains("| A | 2 | 1 |");
    }
}
