package io.wenzheng.routing.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The foundation's classifier: a small keyword table over the seven first-level categories (一级分类). It exists so
 * that the suite routes end to end; the trained classifier replaces it.
 */
public final class KeywordClassifier {
    private final Map<String, List<String>> keywords;

    public KeywordClassifier(Map<String, List<String>> keywords) {
        this.keywords = Map.copyOf(keywords);
    }

    public static KeywordClassifier standard() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        table.put("城乡建设", List.of("小区", "物业", "拆迁", "房屋", "楼盘", "开发商", "装修", "违建", "违章建筑", "业主", "电梯", "自来水", "停水", "燃气"));
        table.put("劳动和社会保障", List.of("社保", "工资", "养老", "医保", "退休", "劳动合同", "拖欠", "欠薪", "失业", "公积金", "工伤"));
        table.put("教育文体", List.of("学校", "学生", "老师", "教师", "教育", "幼儿园", "学费", "补课", "考试", "体育", "图书馆"));
        table.put("商贸旅游", List.of("商家", "消费者", "景区", "旅游", "价格", "商场", "超市", "退款", "购物", "市场", "传销"));
        table.put("环境保护", List.of("噪音", "污染", "排放", "垃圾", "臭味", "异味", "废水", "油烟", "扬尘", "环保", "施工"));
        table.put("卫生计生", List.of("医院", "医生", "卫生", "生育", "疫苗", "诊所", "计生", "药店", "病人", "独生子女"));
        table.put("交通运输", List.of("公交", "出租车", "道路", "红绿灯", "地铁", "驾驶", "车辆", "停车", "客运", "交通", "网约车"));
        return new KeywordClassifier(table);
    }

    /** Picks the category with most keyword hits; confidence is its share of all hits, 0 when nothing matched. */
    public Classification classify(String text) {
        if (text == null || text.isBlank()) {
            return Classification.unknown();
        }
        String best = null;
        List<String> bestEvidence = List.of();
        int total = 0;
        for (var entry : keywords.entrySet()) {
            List<String> hits = new ArrayList<>();
            for (String word : entry.getValue()) {
                if (text.contains(word)) {
                    hits.add(word);
                }
            }
            total += hits.size();
            if (hits.size() > bestEvidence.size()) {
                best = entry.getKey();
                bestEvidence = hits;
            }
        }
        if (best == null) {
            return Classification.unknown();
        }
        return new Classification(best, (double) bestEvidence.size() / total, List.copyOf(bestEvidence));
    }
}
