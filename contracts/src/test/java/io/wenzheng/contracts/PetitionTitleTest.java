package io.wenzheng.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PetitionTitleTest {

    @Test
    void theSubjectWhenThereIsOneElseTheFirstWordsOfTheText() {
        assertThat(PetitionTitle.of(" 夜间施工 ", "正文")).isEqualTo("夜间施工");
        assertThat(PetitionTitle.of(null, "你好，\n我想反映  小区门口的路灯坏了")).isEqualTo("你好， 我想反映 小区门口的路灯坏了");
        assertThat(PetitionTitle.of("", "一二三四五六七八九十一二三四五六七八九十一二三四五六")).isEqualTo("一二三四五六七八九十一二三四五六七八九十一二三四…");
        assertThat(PetitionTitle.of(null, null)).isEmpty();
    }
}
