package io.wenzheng.intake.petition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void controlCharactersGoAndLineBreaksStay() {
        assertThat(PlainText.clean("井盖\u0000丢失\u0007\t第二行\n第三行\r\n\u007f")).isEqualTo("井盖丢失\t第二行\n第三行\r\n");
        assertThat(PlainText.clean("干净的文本")).isEqualTo("干净的文本");
        assertThat(PlainText.clean(null)).isNull();
    }
}
