package io.wenzheng.analytics.hotissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subjects as the board's citizens wrote them, and the place a reader finds in each. */
class PlaceFinderTest {
    private static final PlaceFinder FINDER = new PlaceFinder(Set.of("梅溪湖"));

    @ParameterizedTest
    @CsvSource({
            "A市伊景园滨河苑捆绑销售车位, , 伊景园滨河苑",
            "A2区丽发新城小区附近搅拌站噪音扰民, A2区, 丽发新城",
            "A市经济学院寒假过年期间组织学生去工厂工作, , 经济学院",
            "A5区魅力之城小区临街餐饮店油烟噪音扰民, A5区, 魅力之城",
            "K7县人民反对拆除五一桥来建商业廊桥, K7县, 五一桥",
            "A4区五一大道一酒吧噪音严重影响居民休息, A4区, 五一大道",
            "投诉锦绣花园垃圾站臭气熏天, , 锦绣花园",
            "强烈要求整治天心山庄老旧电梯存在安全隐患无人维修, , 天心山庄",
            "希望加快梅溪湖片区的配套建设, , 梅溪湖",
    })
    void findsThePlaceAReaderWouldName(String subject, String district, String name) {
        Place place = FINDER.find(subject, "").orElseThrow();

        assertThat(place.district()).isEqualTo(district);
        assertThat(place.key()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"咨询2018年农村医保缴费问题", "A市教育局不作为", "很多楼盘都在捆绑销售车位", "关于产假和生育津贴的咨询"})
    void findsNoPlaceWhereThereIsNone(String subject) {
        assertThat(FINDER.find(subject, "")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"魅力之城小区, 魅力之城, true", "A5区魅力之城, A5区魅力之城小区, true", "A5区魅力之城, A3区魅力之城, false",
            "金色家园, 金色山庄, false"})
    void onePlaceWrittenTwoWays(String a, String b, boolean same) {
        assertThat(FINDER.find(a, "").orElseThrow().sameAs(FINDER.find(b, "").orElseThrow())).isEqualTo(same);
    }
}
