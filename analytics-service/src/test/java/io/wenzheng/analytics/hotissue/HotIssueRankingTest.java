package io.wenzheng.analytics.hotissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HotIssueRankingTest {
    private static final Instant START = Instant.parse("2019-08-01T02:00:00Z");
    private static final HotIssueRanking RANKING = new HotIssueRanking(HotIssueSettings.defaults(), new PlaceFinder(Set.of()));

    private static final String[] ESTATE_WORDS = {"金色", "阳光", "翡翠", "锦绣", "幸福", "碧桂", "东方", "滨江", "华润", "盛世", "紫薇",
            "枫林", "梅溪", "湘江", "星沙", "天心", "望城", "雨花", "岳麓", "开福"};
    private static final String[] ESTATE_KINDS = {"家园", "花园", "华庭", "名苑", "新城", "公馆", "雅苑", "山庄"};
    /** Problems, each in three wordings a citizen might use. */
    private static final String[][] PROBLEMS = {
            {"夜间施工噪音扰民", "工地晚上施工噪声太大影响休息", "深夜打桩机轰鸣吵得居民无法入睡"},
            {"临街餐馆油烟污染", "楼下饭店油烟直排熏人", "餐饮店排放油烟严重影响生活"},
            {"物业乱收停车费", "物业公司违规收取停车费用", "小区停车收费不合理物业强收"},
            {"开发商延期交房", "楼盘逾期交房开发商不给说法", "房子迟迟不交付业主维权"},
            {"小区停水多日", "连续几天停水居民生活困难", "自来水停供无人解决"},
            {"垃圾站臭气熏天", "垃圾中转站气味难闻影响居民", "垃圾清运不及时恶臭扰民"},
            {"学校强制学生实习", "学院安排学生去工厂实习不给报酬", "学生被迫到企业顶岗实习"},
            {"公交线路调整不便出行", "公交车改线后居民出行困难", "取消公交站点群众不便"},
            {"小区电梯频繁故障", "电梯经常坏了困人", "老旧电梯存在安全隐患无人维修"},
            {"捆绑销售车位", "开发商购房必须买车位", "买房强制搭售车位"},
            {"拖欠农民工工资", "工地老板欠薪不还", "建筑公司拖欠工人血汗钱"},
            {"违章搭建侵占绿地", "业主私自违建占用公共绿化", "小区违法建筑无人拆除"},
            {"路灯不亮安全隐患", "道路路灯损坏晚上漆黑", "夜间照明缺失行人不安全"},
            {"幼儿园迟迟不开园", "配套幼儿园建好了不开办", "小区配建幼儿园闲置孩子入园难"}};
    private static final String[] OPENINGS = {"投诉", "反映", "请求解决", "关于", "", "强烈要求整治"};

    private static Message message(String id, String citizen, String subject, String body, int day) {
        return new Message(id, citizen, subject, body, START.plus(Duration.ofDays(day)).plusSeconds(id.hashCode() & 0xffff), 0);
    }

    @Test
    void oneIssuePhrasedFiveWaysByFiveCitizensIsOneRowWithFiveCitizens() {
        List<Message> messages = new ArrayList<>(List.of(
                message("m1", "U1", "A5区魅力之城小区临街餐馆油烟扰民", "小区一楼的餐馆每天排放油烟，居民无法开窗。", 0),
                message("m2", "U2", "投诉魅力之城小区楼下饭店油烟太大", "楼下饭店的油烟直接排到楼上，家里全是油烟味。", 3),
                message("m3", "U3", "魅力之城小区底层餐饮店排放油烟严重影响居民生活", "餐饮店没有油烟净化设备，业主多次反映无果。", 9),
                message("m4", "U4", "A市A5区魅力之城商铺油烟和噪音问题", "商铺油烟和夜里的噪音让我们住户苦不堪言。", 15),
                message("m5", "U5", "请求整治魅力之城小区烧烤店油烟污染", "烧烤店油烟熏人，请环保部门查处。", 20)));
        messages.addAll(background(new Random(7), 60, Set.of()));

        List<HotIssue> ranking = RANKING.rank(messages);

        List<HotIssue> withOurs = ranking.stream().filter(h -> h.messageIds().stream().anyMatch(id -> id.matches("m\\d"))).toList();
        assertThat(withOurs).hasSize(1);
        HotIssue issue = withOurs.get(0);
        assertThat(issue.messageIds()).containsAll(List.of("m1", "m2", "m3", "m4", "m5"));
        assertThat(issue.citizens()).isEqualTo(5);
        assertThat(issue.place().display()).contains("魅力之城");
        assertThat(ranking.get(0)).isEqualTo(issue);
        assertThat(issue.title()).isIn(messages.stream().map(Message::subject).toList());
    }

    @Test
    void oneCitizensFiveRepeatsAreOneCitizenAndNoHotIssue() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(message("r" + i, "A0909", "A2区丽发新城小区附近搅拌站噪音扰民", "搅拌站日夜作业，噪音和粉尘严重影响丽发新城小区居民。", i));
        }
        messages.addAll(background(new Random(8), 60, Set.of()));

        assertThat(RANKING.rank(messages)).noneMatch(h -> h.messageIds().contains("r0"));

        HotIssueRanking everyGroup = new HotIssueRanking(new HotIssueSettings(0.5, 0.2, 1), new PlaceFinder(Set.of()));
        HotIssue repeats = everyGroup.rank(messages).stream().filter(h -> h.messageIds().contains("r0")).findFirst().orElseThrow();
        assertThat(repeats.messages()).isEqualTo(5);
        assertThat(repeats.citizens()).isEqualTo(1);
    }

    @Test
    void theSameProblemAtDifferentEstatesIsNotOneIssue() {
        List<Message> messages = List.of(
                message("a1", "U1", "金色家园小区夜间施工噪音扰民", "工地晚上施工。", 0),
                message("a2", "U2", "反映金色家园工地晚上施工噪声太大", "影响休息。", 1),
                message("b1", "U3", "翡翠华庭小区夜间施工噪音扰民", "工地晚上施工。", 0),
                message("b2", "U4", "翡翠华庭工地晚上施工噪声太大", "影响休息。", 2));

        List<HotIssue> ranking = RANKING.rank(messages);

        assertThat(ranking).extracting(h -> Set.copyOf(h.messageIds()))
                .containsExactlyInAnyOrder(Set.of("a1", "a2"), Set.of("b1", "b2"));
    }

    @Test
    void supportAndCitizensDecideTheRank() {
        assertThat(HotIssue.heatOf(5, 5, 0)).isGreaterThan(HotIssue.heatOf(2, 10, 0));
        assertThat(HotIssue.heatOf(3, 3, 2000)).isGreaterThan(HotIssue.heatOf(5, 5, 0));
        assertThat(HotIssue.heatOf(3, 3, 0)).isEqualTo(3.0);
    }

    /**
     * A synthetic month: planted issues (one estate, one problem, several citizens, varied wordings) among messages
     * that each raise one problem at one estate once. Precision: of the top rows (as many as were planted), those
     * that are one planted issue; recall: planted issues found as one row holding at least four in five of their
     * messages.
     */
    @Test
    void findsPlantedIssuesAmongSingleComplaints() {
        Random random = new Random(20261203);
        List<String> estates = new ArrayList<>();
        for (String w : ESTATE_WORDS) {
            for (String k : ESTATE_KINDS) {
                estates.add(w + k);
            }
        }
        Collections.shuffle(estates, random);
        List<String> plantedEstates = estates.subList(0, 12);
        Map<String, Integer> plantOf = new HashMap<>();
        List<Message> messages = new ArrayList<>();
        int citizen = 0;
        for (int p = 0; p < plantedEstates.size(); p++) {
            String[] problem = PROBLEMS[p % PROBLEMS.length];
            int size = 3 + random.nextInt(6);
            int day = random.nextInt(20);
            for (int i = 0; i < size; i++) {
                String estate = plantedEstates.get(p) + (random.nextBoolean() ? "小区" : "");
                String district = random.nextBoolean() ? "A" + (1 + p % 9) + "区" : "";
                String subject = OPENINGS[random.nextInt(OPENINGS.length)] + district + estate + problem[random.nextInt(3)];
                String body = "我是" + estate + "的业主，" + problem[random.nextInt(3)] + "，已经持续很久，希望有关部门尽快处理。";
                String id = "p" + p + "-" + i;
                messages.add(message(id, "C" + citizen++, subject, body, day + random.nextInt(10)));
                plantOf.put(id, p);
            }
        }
        messages.addAll(background(random, 400, Set.copyOf(plantedEstates)));

        List<HotIssue> ranking = RANKING.rank(messages);

        List<HotIssue> top = ranking.subList(0, Math.min(plantedEstates.size(), ranking.size()));
        int pure = 0;
        for (HotIssue h : top) {
            Map<Integer, Long> plants = h.messageIds().stream().filter(plantOf::containsKey)
                    .collect(Collectors.groupingBy(plantOf::get, Collectors.counting()));
            if (plants.size() == 1 && plants.values().iterator().next() * 5 >= h.messages() * 4L) {
                pure++;
            }
        }
        Set<Integer> found = new HashSet<>();
        for (int p = 0; p < plantedEstates.size(); p++) {
            int plant = p;
            long size = plantOf.values().stream().filter(x -> x == plant).count();
            for (HotIssue h : ranking) {
                long mine = h.messageIds().stream().filter(id -> plantOf.get(id) != null && plantOf.get(id) == plant).count();
                if (mine * 5 >= size * 4 && mine * 5 >= h.messages() * 4L) {
                    found.add(p);
                }
            }
        }
        double precision = top.isEmpty() ? 0 : (double) pure / top.size();
        double recall = (double) found.size() / plantedEstates.size();
        System.out.printf("planted %d issues among %d messages: %d ranked, precision of the top %d %.2f, recall %.2f%n",
                plantedEstates.size(), messages.size(), ranking.size(), top.size(), precision, recall);
        Map<String, Message> byId = messages.stream().collect(Collectors.toMap(Message::id, m -> m));
        assertThat(precision).as(() -> top.stream().map(h -> h.place() + " " + h.messageIds().stream().map(byId::get).map(Message::subject).toList())
                .collect(Collectors.joining("\n"))).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }

    /** Messages that each raise one problem at one estate, each pair (estate, problem) once, each by its own citizen. */
    private static List<Message> background(Random random, int count, Set<String> avoid) {
        List<String[]> pairs = new ArrayList<>();
        for (String w : ESTATE_WORDS) {
            for (String k : ESTATE_KINDS) {
                if (!avoid.contains(w + k)) {
                    for (String[] problem : PROBLEMS) {
                        pairs.add(new String[] {w + k, problem[random.nextInt(3)]});
                    }
                }
            }
        }
        Collections.shuffle(pairs, random);
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < count && i < pairs.size(); i++) {
            String[] pair = pairs.get(i);
            out.add(message("b" + i, "B" + i, OPENINGS[random.nextInt(OPENINGS.length)] + pair[0] + pair[1],
                    pair[0] + "小区" + pair[1] + "，请相关部门处理。", random.nextInt(30)));
        }
        return out;
    }
}
