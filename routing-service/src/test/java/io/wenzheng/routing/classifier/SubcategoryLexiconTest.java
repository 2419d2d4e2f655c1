package io.wenzheng.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubcategoryLexiconTest {
    /** A corner of the official tree, as its rows read: level 1, level 2, level 3. */
    private static final List<String[]> TREE = List.of(
            new String[] {"城乡建设", "城市建设和市政管理", "燃气供应"},
            new String[] {"城乡建设", "城市建设和市政管理", "自来水供应"},
            new String[] {"城乡建设", "城市建设和市政管理", "小区管理"},
            new String[] {"城乡建设", "住房保障与房地产", "物业管理"},
            new String[] {"城乡建设", "住房保障与房地产", "房产证办理"},
            new String[] {"城乡建设", "其他", "其他"},
            new String[] {"环境保护", "环境污染", "噪音污染"},
            new String[] {"环境保护", "环境污染", "大气污染"},
            new String[] {"环境保护", "环保管理", "环境执法"});

    private final SubcategoryLexicon lexicon = SubcategoryLexicon.fromTaxonomy(TREE);

    @Test
    void aTextGetsTheLevelTwoWhoseCuesItUsesUnderItsOwnLevelOne() {
        var gas = lexicon.match("城乡建设", "小区燃气公司收费太贵，燃气入户开户费不合理");
        assertThat(gas).get().extracting(SubcategoryLexicon.Subcategory::name).isEqualTo("城市建设和市政管理");
        assertThat(gas.get().matchedTerms()).contains("燃气");
        assertThat(lexicon.match("城乡建设", "物业管理混乱，房产证迟迟办不下来")).get()
                .extracting(SubcategoryLexicon.Subcategory::name).isEqualTo("住房保障与房地产");
        assertThat(lexicon.match("环境保护", "工地夜间施工噪音扰民")).get()
                .extracting(SubcategoryLexicon.Subcategory::name).isEqualTo("环境污染");
    }

    @Test
    void noCueMeansNoLevelTwoAndOtherIsNeverOne() {
        assertThat(lexicon.match("城乡建设", "请领导关注")).isEmpty();
        assertThat(lexicon.match("环境保护", "燃气费太贵")).as("cues of another level 1 do not count").isEmpty();
        assertThat(lexicon.match("教育文体", "燃气")).as("a level 1 without a tree").isEmpty();
        assertThat(lexicon.match("城乡建设", "其他问题")).isEmpty();
    }

    @Test
    void cuesEveryPetitionOfTheCategoryUsesAreDropped() {
        Map<String, List<String>> texts = Map.of("环境保护", List.of("噪音扰民，环境执法不力", "大气污染，环境执法", "环境执法部门不作为", "噪音"));
        SubcategoryLexicon specific = lexicon.withoutGenericCues(texts, 0.5, 1.0);
        assertThat(specific.match("环境保护", "环境执法")).as("used by three petitions in four").isEmpty();
        assertThat(specific.match("环境保护", "噪音")).get().extracting(SubcategoryLexicon.Subcategory::name).isEqualTo("环境污染");
    }

    @Test
    void theArtefactReadsBackTheSame() throws Exception {
        StringWriter out = new StringWriter();
        lexicon.write(out, Set.of("城乡建设"));
        SubcategoryLexicon back = SubcategoryLexicon.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(back.categories()).containsExactly("城乡建设");
        assertThat(back.match("城乡建设", "自来水发黄")).get().extracting(SubcategoryLexicon.Subcategory::name).isEqualTo("城市建设和市政管理");
        assertThat(SubcategoryLexicon.bundled().categories()).as("the bundled artefact covers the classifier's categories")
                .containsExactlyInAnyOrderElementsOf(CategoryModel.bundled().categories());
    }
}
